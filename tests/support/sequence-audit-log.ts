// Seals the audit entries committed so far into the chain, as the worker's sequencer does a
// moment after each change: for tests that read an entry's seq or hash, or verify the chain,
// right after a change. No checkpoint (no signing key, no extra entry) unless asked for.
import { sequenceAuditLogNow } from "@/lib/audit/sign-audit-checkpoint";
import { db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";

export async function sequenceAuditLog(prisma?: PrismaClient, options: { checkpoint?: boolean } = {}) {
  return sequenceAuditLogNow(prisma ?? (await db()), { checkpoint: options.checkpoint ?? false, checkpointSeconds: 0 });
}
