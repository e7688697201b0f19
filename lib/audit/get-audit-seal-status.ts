import { db } from "../db/client";
import { assertStaffRole } from "../staff/assert-staff-role";
import type { Actor } from "./actor";
import { readSequencerLag } from "./sequence-audit-log";

/**
 * How far the audit trail is sealed, for the audit viewer: the latest signed checkpoint (size,
 * when, the note itself) and the sequencer's lag (entries waiting, since when). PRIVACY_OFFICER and up.
 */
export async function getAuditSealStatus({ actor, now = new Date() }: { actor: Actor; now?: Date }) {
  assertStaffRole(actor, "PRIVACY_OFFICER");
  const prisma = await db();
  const [checkpoint, lag] = await Promise.all([
    prisma.auditCheckpoint.findFirst({ orderBy: { size: "desc" }, select: { size: true, signedAt: true, note: true } }),
    readSequencerLag(prisma),
  ]);
  return { checkpoint, waiting: lag.waiting, oldestWaitingSeconds: lag.oldestAt ? Math.max(0, Math.round((now.getTime() - lag.oldestAt.getTime()) / 1000)) : null };
}
