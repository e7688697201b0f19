import type { Actor } from "../audit/actor";
import { runChange } from "../db/run-change";
import { AppError } from "../errors";

export interface AcknowledgementInput {
  eventId?: string;
  requestId?: string;
  status: "done" | "failed";
  note?: string;
}

/**
 * A connected system confirms that it carried out an event (an erasure, a correction) or a
 * data-subject request: the Art. 19 evidence that the change reached it. A system can only
 * acknowledge events that were delivered to it.
 */
export async function recordAcknowledgement({ actor, systemId, input }: { actor: Actor; systemId: string; input: AcknowledgementInput }) {
  return runChange(actor, async (tx, now) => {
    let personId: string | null = null;
    let deliveryId: string | null = null;
    let dataRequestId = input.requestId ?? null;
    if (input.eventId) {
      const delivery = await tx.delivery.findUnique({
        where: { eventId_systemId: { eventId: input.eventId, systemId } },
        select: { id: true, personId: true, event: { select: { payload: true } } },
      });
      if (!delivery) throw new AppError("NOT_FOUND", "no such event for this system");
      deliveryId = delivery.id;
      personId = delivery.personId;
      const data = (delivery.event.payload as { data?: { requestId?: unknown } }).data;
      if (typeof data?.requestId === "string") dataRequestId = data.requestId;
    } else if (input.requestId) {
      const request = await tx.dataRequest.findUnique({ where: { id: input.requestId }, select: { personId: true } });
      if (!request) throw new AppError("NOT_FOUND", "no such request");
      personId = request.personId;
    }
    const status = input.status === "done" ? ("DONE" as const) : ("FAILED" as const);
    const ack = await tx.acknowledgement.create({
      data: { systemId, eventId: input.eventId ?? null, deliveryId, dataRequestId, personId, status, note: input.note ?? null, createdAt: now },
      select: { id: true },
    });
    return {
      result: { id: ack.id, status, eventId: input.eventId ?? null, requestId: dataRequestId },
      audit: {
        action: "system.acknowledged",
        personId,
        target: input.eventId ? `OutboxEvent:${input.eventId}` : `DataRequest:${dataRequestId}`,
        details: { systemId, status, ...(dataRequestId ? { dataRequestId } : {}) },
      },
    };
  });
}
