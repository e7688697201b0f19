import type { Tx } from "../db/types";

/**
 * The connected systems that must acknowledge an executed erasure and have not yet: every
 * system marked requiresErasureAck that existed when the person was erased, less those with a
 * DONE acknowledgement of this request or of its `person.erased` event.
 */
export async function findPendingErasureSystems(tx: Pick<Tx, "dataRequestStep" | "outboxEvent" | "connectedSystem" | "acknowledgement">, request: { id: string; personId: string }) {
  const erased = await tx.dataRequestStep.findFirst({ where: { requestId: request.id, kind: "erased" }, orderBy: { at: "desc" }, select: { at: true } });
  if (!erased) return [];
  const event = await tx.outboxEvent.findFirst({ where: { personId: request.personId, type: "person.erased" }, orderBy: { occurredAt: "desc" }, select: { id: true } });
  const required = await tx.connectedSystem.findMany({
    where: { requiresErasureAck: true, createdAt: { lte: erased.at } },
    select: { id: true, key: true, name: true },
    orderBy: { key: "asc" },
  });
  if (required.length === 0) return [];
  const acknowledged = await tx.acknowledgement.findMany({
    where: {
      status: "DONE",
      systemId: { in: required.map((s) => s.id) },
      OR: [{ dataRequestId: request.id }, ...(event ? [{ eventId: event.id }] : [])],
    },
    select: { systemId: true },
  });
  const done = new Set(acknowledged.map((a) => a.systemId));
  return required.filter((s) => !done.has(s.id));
}
