import { db } from "../db/client";
import { assertStaffRole } from "../staff/assert-staff-role";
import type { Actor } from "./actor";
import { buildAuditWhere, parseAuditFilter } from "./build-audit-where";
import type { AuditFilterInput } from "./schemas";

/**
 * The audit viewer: entries matching the filter, newest first, a page at a time (pass
 * `nextBefore` back as `before`). In insertion order: an entry waiting to be sealed has no seq yet. Staff actors are shown with their email. PRIVACY_OFFICER and up.
 */
export async function findAuditEntries({ actor, filter }: { actor: Actor; filter?: AuditFilterInput | unknown }) {
  assertStaffRole(actor, "PRIVACY_OFFICER");
  const f = parseAuditFilter(filter);
  const prisma = await db();
  const where = await buildAuditWhere(prisma, f);
  const rows = await prisma.auditEntry.findMany({
    where: f.before ? { AND: [where, { id: { lt: f.before } }] } : where,
    orderBy: { id: "desc" },
    take: f.take + 1,
    select: { id: true, seq: true, at: true, actorKind: true, actorId: true, action: true, personId: true, target: true, details: true, ipHash: true, hash: true },
  });
  const entries = rows.slice(0, f.take);
  const userIds = [...new Set(entries.filter((e) => e.actorKind === "STAFF" || e.actorKind === "PERSON").flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const users = new Map((await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  return {
    entries: entries.map((e) => ({ ...e, actorEmail: e.actorId ? (users.get(e.actorId) ?? null) : null })),
    nextBefore: rows.length > f.take ? entries[entries.length - 1]!.id : null,
  };
}

export type AuditViewerEntry = Awaited<ReturnType<typeof findAuditEntries>>["entries"][number];
