// Seals the audit entries committed so far into the chain, as the worker's sequencer does a
// moment after each change: for tests that read an entry's seq or hash, or verify the chain,
// right after a change. No checkpoint (no signing key, no extra entry) unless asked for.
// Passes repeat until nothing waits (a change committing during a pass is sealed by the next).
import { sequenceAuditLogNow } from "@/lib/audit/sign-audit-checkpoint";
import { db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";

export async function sequenceAuditLog(prisma?: PrismaClient, options: { checkpoint?: boolean; timeoutMs?: number } = {}) {
  const client = prisma ?? (await db());
  const until = Date.now() + (options.timeoutMs ?? 60_000);
  let sealed = 0;
  for (;;) {
    const pass = await sequenceAuditLogNow(client, { checkpoint: options.checkpoint ?? false, checkpointSeconds: 0 });
    sealed += pass.sealed;
    if ((await client.auditEntry.count({ where: { seq: null } })) === 0 || Date.now() > until) return { sealed, checkpoint: pass.checkpoint };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
