import { randomUUID } from "node:crypto";
import { insertRows } from "../db/insert-rows";
import type { Tx } from "../db/types";
import type { OutboxInput } from "../propagation/record-outbox-event";

/**
 * The batch form of recordOutboxEvent for an import batch: the same events (id, payload with
 * the person's next `sequence` and external ids), written with one sequence update, one read of
 * external ids and one bulk insert, instead of three queries per event. Events of one
 * person get consecutive sequence numbers in the order given. Call inside the change transaction.
 */
export async function recordOutboxBatch(tx: Tx, inputs: OutboxInput[], now: Date): Promise<void> {
  if (inputs.length === 0) return;
  const perPerson = new Map<string, number>();
  for (const input of inputs) if (input.personId) perPerson.set(input.personId, (perPerson.get(input.personId) ?? 0) + 1);
  const ids = [...perPerson.keys()];
  const next = new Map<string, number>();
  if (ids.length) {
    const rows = await tx.$queryRaw<{ id: string; sequence: number }[]>`
      UPDATE "Person" AS p SET "sequence" = p."sequence" + v.n
      FROM (SELECT unnest(${ids}::text[]) AS id, unnest(${ids.map((id) => perPerson.get(id)!)}::int[]) AS n) AS v
      WHERE p."id" = v.id
      RETURNING p."id", p."sequence"`;
    if (rows.length !== ids.length) throw new Error("recordOutboxBatch: unknown person");
    // The first event of a person gets the old sequence + 1.
    for (const row of rows) next.set(row.id, row.sequence - perPerson.get(row.id)! + 1);
  }
  const identities = ids.length
    ? await tx.externalIdentity.findMany({ where: { personId: { in: ids } }, select: { personId: true, system: true, externalId: true }, orderBy: { linkedAt: "asc" } })
    : [];
  const externalIdsOf = new Map<string, Record<string, string>>();
  for (const identity of identities) {
    const map = externalIdsOf.get(identity.personId) ?? {};
    map[identity.system] = identity.externalId;
    externalIdsOf.set(identity.personId, map);
  }
  const rows = inputs.map((input) => {
    const id = `evt_${randomUUID().replaceAll("-", "")}`;
    let sequence: number | null = null;
    if (input.personId) {
      sequence = next.get(input.personId)!;
      next.set(input.personId, sequence + 1);
    }
    const payload = {
      id,
      type: input.type,
      occurredAt: now.toISOString(),
      personId: input.personId,
      sequence,
      externalIds: input.personId ? (externalIdsOf.get(input.personId) ?? {}) : {},
      data: input.data,
    };
    return { id, type: input.type, personId: input.personId, sequence, payload, occurredAt: now };
  });
  await insertRows(tx, "OutboxEvent", { id: "text", type: "text", personId: "text", sequence: "int", payload: "jsonb", occurredAt: "timestamp" }, rows);
}
