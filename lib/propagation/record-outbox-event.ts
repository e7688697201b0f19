import { randomUUID } from "node:crypto";
import type { Prisma } from "../db/generated/client";
import type { Tx } from "../db/types";

export interface OutboxInput {
  /** Event type from the catalogue, e.g. "person.updated". */
  type: string;
  personId: string | null;
  /** Only what receivers need (data minimisation). */
  data: Prisma.InputJsonObject;
}

/**
 * Records an event to propagate. For a person's event it increases the person's `sequence`
 * by one, so receivers can drop stale, out-of-order updates. Call inside the change transaction.
 */
export async function recordOutboxEvent(tx: Tx, input: OutboxInput, now = new Date()) {
  let sequence: number | null = null;
  let externalIds: Record<string, string> = {};
  if (input.personId) {
    const rows = await tx.$queryRaw<{ sequence: number }[]>`
      UPDATE "Person" SET "sequence" = "sequence" + 1 WHERE "id" = ${input.personId} RETURNING "sequence"`;
    if (!rows[0]) throw new Error(`recordOutboxEvent: no person ${input.personId}`);
    sequence = rows[0].sequence;
    const identities = await tx.externalIdentity.findMany({
      where: { personId: input.personId },
      select: { system: true, externalId: true },
      orderBy: { linkedAt: "asc" },
    });
    externalIds = Object.fromEntries(identities.map((i) => [i.system, i.externalId]));
  }
  const id = `evt_${randomUUID().replaceAll("-", "")}`;
  const payload = {
    id,
    type: input.type,
    occurredAt: now.toISOString(),
    personId: input.personId,
    sequence,
    externalIds,
    data: input.data,
  };
  await tx.outboxEvent.create({
    data: { id, type: input.type, personId: input.personId, sequence, payload, occurredAt: now },
  });
  return payload;
}
