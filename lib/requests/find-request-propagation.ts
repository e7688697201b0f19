import type { Tx } from "../db/types";
import { manualTaskItemSelect } from "../manual-tasks/find-manual-tasks";

/**
 * Per connected system, what happened to the events a request sent (person.erasure_requested,
 * person.erased, person.restricted, consent.updated for an objection): delivery status, tries,
 * when delivered, and whether the system acknowledged (Art. 19); and per manual system, its
 * owner's task for the request and whether it is done.
 */
export async function findRequestPropagation(tx: Pick<Tx, "outboxEvent" | "delivery" | "acknowledgement" | "manualTask">, request: { id: string; personId: string }) {
  const events = await tx.outboxEvent.findMany({
    where: { personId: request.personId, payload: { path: ["data", "requestId"], equals: request.id } },
    orderBy: { occurredAt: "asc" },
    select: { id: true, type: true, occurredAt: true, dispatchedAt: true },
  });
  const eventIds = events.map((e) => e.id);
  const [deliveries, acknowledgements, manualTasks] = await Promise.all([
    tx.delivery.findMany({
      where: { eventId: { in: eventIds } },
      orderBy: { createdAt: "asc" },
      select: { id: true, eventId: true, eventType: true, status: true, attempts: true, deliveredAt: true, lastStatusCode: true, system: { select: { id: true, key: true, name: true } } },
    }),
    tx.acknowledgement.findMany({
      where: { OR: [{ dataRequestId: request.id }, { eventId: { in: eventIds } }] },
      orderBy: { createdAt: "asc" },
      select: { systemId: true, eventId: true, status: true, createdAt: true },
    }),
    tx.manualTask.findMany({ where: { dataRequestId: request.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: manualTaskItemSelect }),
  ]);
  return {
    events,
    deliveries: deliveries.map((d) => {
      const ack = acknowledgements.filter((a) => a.systemId === d.system.id && (a.eventId === d.eventId || a.eventId === null)).at(-1);
      return { ...d, acknowledgement: ack ? { status: ack.status, at: ack.createdAt } : null };
    }),
    acknowledgements,
    manualTasks,
  };
}
