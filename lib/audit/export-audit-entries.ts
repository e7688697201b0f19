import { defusedCsvField } from "../csv/csv-field";
import { db } from "../db/client";
import { runChange } from "../changes/run-change";
import { assertStaffRole } from "../staff/assert-staff-role";
import type { Actor } from "./actor";
import { AUDIT_CSV_COLUMNS } from "./audit-csv-columns";
import { buildAuditWhere, parseAuditFilter } from "./build-audit-where";
import type { AuditFilterInput } from "./schemas";

export { AUDIT_CSV_COLUMNS };
const BATCH = 1000;

/**
 * Exports the entries matching the viewer's filter as CSV, oldest first, with their hashes so the
 * chain can be checked outside (`npm run audit:verify`, on an export without a filter). The export itself is audited (`audit.exported`, with the filter)
 * before the first line is produced. Yields text a batch at a time, never the whole trail at
 * once. PRIVACY_OFFICER and up.
 */
export async function exportAuditEntries({ actor, filter }: { actor: Actor; filter?: AuditFilterInput | unknown }): Promise<AsyncGenerator<string>> {
  assertStaffRole(actor, "PRIVACY_OFFICER");
  const f = parseAuditFilter(filter);
  const prisma = await db();
  const where = await buildAuditWhere(prisma, f);
  // The trail records the filter with ids only: an actor given by email is recorded as its user id.
  const recorded = { personId: f.personId, actor: f.actor, action: f.action, from: f.from, to: f.to };
  if (recorded.actor?.includes("@")) {
    recorded.actor = (await prisma.user.findUnique({ where: { email: recorded.actor.toLowerCase() }, select: { id: true } }))?.id ?? "unknown-user";
  }
  await runChange(actor, async () => ({
    result: undefined,
    audit: { action: "audit.exported", target: "AuditEntry", details: { filter: JSON.parse(JSON.stringify(recorded)), role: actor.role } },
  }));
  const before = f.before ? [{ id: { lt: f.before } }] : [];
  // Sealed entries in chain order (what `npm run audit:verify` checks), then those still waiting
  // to be sealed, in insertion order, with empty seq and hashes.
  async function* lines() {
    yield `\uFEFF${AUDIT_CSV_COLUMNS.join(",")}\r\n`;
    let after = 0;
    for (;;) {
      const rows = await prisma.auditEntry.findMany({ where: { AND: [where, { seq: { gt: after } }, ...before] }, orderBy: { seq: "asc" }, take: BATCH });
      if (rows.length > 0) yield rows.map((row) => `${AUDIT_CSV_COLUMNS.map((c) => defusedCsvField(row[c])).join(",")}\r\n`).join("");
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1]!.seq!;
    }
    let afterId = 0;
    for (;;) {
      const rows = await prisma.auditEntry.findMany({ where: { AND: [where, { seq: null, id: { gt: afterId } }, ...before] }, orderBy: { id: "asc" }, take: BATCH });
      if (rows.length > 0) yield rows.map((row) => `${AUDIT_CSV_COLUMNS.map((c) => defusedCsvField(row[c])).join(",")}\r\n`).join("");
      if (rows.length < BATCH) return;
      afterId = rows[rows.length - 1]!.id;
    }
  }
  return lines();
}
