import { insertRows } from "../db/insert-rows";
import type { Tx } from "../db/types";
import type { Actor } from "./actor";
import type { AuditInput } from "./append-audit-entry";

const AUDIT_COLUMNS = {
  at: "timestamp", actorKind: "text", actorId: "text", action: "text", personId: "text", target: "text", details: "jsonb", ipHash: "text",
} as const;

/**
 * Appends several entries in one bulk insert, in order, unsealed: no lock and no read of the
 * chain's head, so changes in every instance write at the same time. The worker's sequencer
 * (sequence-audit-log.ts) gives each committed entry its place in the hash chain (seq, prevHash,
 * hash) a moment later. appendAuditEntry is this with one entry.
 */
export async function appendAuditEntries(tx: Tx, actor: Actor, inputs: AuditInput[], now = new Date()): Promise<void> {
  if (inputs.length === 0) return;
  const rows = inputs.map((input) => ({
    at: now,
    actorKind: actor.kind,
    actorId: actor.id,
    action: input.action,
    personId: input.personId ?? null,
    target: input.target ?? null,
    details: input.details ?? undefined,
    ipHash: actor.ipHash ?? null,
  }));
  if (rows.length === 1) await tx.auditEntry.create({ data: rows[0]! });
  else await insertRows(tx, "AuditEntry", AUDIT_COLUMNS, rows);
}
