import { insertRows } from "../db/insert-rows";
import type { Tx } from "../db/types";
import type { Actor } from "./actor";
import { AUDIT_CHAIN_LOCK_KEY, type AuditInput } from "./append-audit-entry";
import { GENESIS_HASH, hashAuditContent } from "./canonical";

const AUDIT_COLUMNS = {
  seq: "int", at: "timestamp", actorKind: "text", actorId: "text", action: "text", personId: "text", target: "text",
  details: "jsonb", ipHash: "text", prevHash: "text", hash: "text",
} as const;

/**
 * Appends several entries in one go, chained in order: one lock, one read of the head and one
 * bulk insert instead of a round of queries per entry, so a change that audits many rows (an
 * import batch) stays quick. appendAuditEntry is this with one entry.
 */
export async function appendAuditEntries(tx: Tx, actor: Actor, inputs: AuditInput[], now = new Date()) {
  if (inputs.length === 0) return [];
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
  const head = await tx.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const at = now;
  const rows = inputs.map((input) => {
    seq += 1;
    const content = {
      seq,
      at,
      actorKind: actor.kind,
      actorId: actor.id,
      action: input.action,
      personId: input.personId ?? null,
      target: input.target ?? null,
      details: input.details ?? null,
      ipHash: actor.ipHash ?? null,
      prevHash,
    };
    const hash = hashAuditContent(content);
    prevHash = hash;
    return { ...content, details: content.details ?? undefined, hash };
  });
  if (rows.length === 1) await tx.auditEntry.create({ data: rows[0]! });
  else await insertRows(tx, "AuditEntry", AUDIT_COLUMNS, rows);
  return rows.map((r) => ({ seq: r.seq, hash: r.hash }));
}
