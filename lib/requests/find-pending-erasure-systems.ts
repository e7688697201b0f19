import type { Tx } from "../db/types";

/**
 * The systems an executed erasure still waits for: every connected system marked
 * requiresErasureAck that existed when the person was erased, less those with a DONE
 * acknowledgement of this request or of its `person.erased` event; and every manual system whose
 * erasure task for this request is still open (its owner has not yet deleted the person by hand).
 */
export async function findPendingErasureSystems(
  tx: Pick<Tx, "dataRequestStep" | "outboxEvent" | "connectedSystem" | "acknowledgement" | "manualTask">,
  request: { id: string; personId: string },
) {
  const erased = await tx.dataRequestStep.findFirst({ where: { requestId: request.id, kind: "erased" }, orderBy: { at: "desc" }, select: { at: true } });
  if (!erased) return [];
  const openTasks = await tx.manualTask.findMany({
    where: { dataRequestId: request.id, kind: "ERASURE", status: "OPEN" },
    select: { system: { select: { id: true, key: true, name: true } } },
  });
  const manual = openTasks.map((task) => task.system);
  const event = await tx.outboxEvent.findFirst({ where: { personId: request.personId, type: "person.erased" }, orderBy: { occurredAt: "desc" }, select: { id: true } });
  const required = await tx.connectedSystem.findMany({
    where: { requiresErasureAck: true, createdAt: { lte: erased.at } },
    select: { id: true, key: true, name: true },
    orderBy: { key: "asc" },
  });
  if (required.length === 0) return sortByKey(manual);
  const acknowledged = await tx.acknowledgement.findMany({
    where: {
      status: "DONE",
      systemId: { in: required.map((s) => s.id) },
      OR: [{ dataRequestId: request.id }, ...(event ? [{ eventId: event.id }] : [])],
    },
    select: { systemId: true },
  });
  const done = new Set(acknowledged.map((a) => a.systemId));
  const pending = required.filter((s) => !done.has(s.id));
  const listed = new Set(pending.map((s) => s.id));
  return sortByKey([...pending, ...manual.filter((s) => !listed.has(s.id))]);
}

const sortByKey = <T extends { key: string }>(systems: T[]) => systems.sort((a, b) => a.key.localeCompare(b.key));
