import type { Actor } from "../audit/actor";
import { Prisma } from "../db/generated/client";
import { runChange, type ChangeOptions } from "../changes/run-change";
import type { Tx } from "../db/types";
import { AppError } from "../errors";
import { completeErasureInTransaction } from "../requests/complete-erasure";

export interface AcknowledgementInput {
  eventId?: string;
  requestId?: string;
  status: "done" | "failed";
  note?: string;
}

const ackSelect = { id: true, status: true, note: true, eventId: true, dataRequestId: true } as const;

/**
 * A connected system confirms that it carried out an event (an erasure, a correction) or a
 * data-subject request: the Art. 19 evidence that the change reached it. A system can only
 * acknowledge events that were delivered to it. One acknowledgement per system and event (or
 * request): the same again answers the recorded one (created: false) and writes nothing; another
 * status or note (a failure later carried out) updates it, with its audit entry. A unique index
 * makes two posts at once end the same way: the second finds the first's row.
 */
export async function recordAcknowledgement({ actor, systemId, input }: { actor: Actor; systemId: string; input: AcknowledgementInput }, options: ChangeOptions = {}) {
  try {
    return await acknowledge(actor, systemId, input, options);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return acknowledge(actor, systemId, input, options);
    throw error;
  }
}

function acknowledge(actor: Actor, systemId: string, input: AcknowledgementInput, options: ChangeOptions) {
  return runChange(actor, async (tx, now) => {
    const { personId, deliveryId, dataRequestId } = await resolveSubject(tx, systemId, input);
    const status = input.status === "done" ? ("DONE" as const) : ("FAILED" as const);
    const note = input.note ?? null;
    const target = input.eventId ? `OutboxEvent:${input.eventId}` : `DataRequest:${dataRequestId}`;
    const existing = await tx.acknowledgement.findFirst({
      where: input.eventId ? { systemId, eventId: input.eventId } : { systemId, requestId: input.requestId },
      select: ackSelect,
    });
    if (existing && existing.status === status && existing.note === note) {
      return { result: { created: false, acknowledgement: shape(existing) }, audit: [] };
    }
    const row = existing
      ? await tx.acknowledgement.update({ where: { id: existing.id }, data: { status, note }, select: ackSelect })
      : await tx.acknowledgement.create({
          data: { systemId, eventId: input.eventId ?? null, requestId: input.eventId ? null : (input.requestId ?? null), deliveryId, dataRequestId, personId, status, note, createdAt: now },
          select: ackSelect,
        });
    // The last pending system's "done" completes a waiting erasure in this same transaction.
    const completion = status === "DONE" && dataRequestId ? await completeErasureInTransaction(tx, { requestId: dataRequestId, actor, now }) : null;
    return {
      result: { created: !existing, acknowledgement: shape(row) },
      audit: [
        {
          action: "system.acknowledged",
          personId,
          target,
          details: { systemId, status, ...(existing ? { previousStatus: existing.status } : {}), ...(dataRequestId ? { dataRequestId } : {}) },
        },
        ...(completion ? [completion] : []),
      ],
    };
  }, options);
}

/** The delivery (of an event to this system) or the request acknowledged, and whose they are. */
async function resolveSubject(tx: Tx, systemId: string, input: AcknowledgementInput) {
  if (input.eventId) {
    const delivery = await tx.delivery.findUnique({
      where: { eventId_systemId: { eventId: input.eventId, systemId } },
      select: { id: true, personId: true, event: { select: { payload: true } } },
    });
    if (!delivery) throw new AppError("NOT_FOUND", "no such event for this system");
    const data = (delivery.event.payload as { data?: { requestId?: unknown } }).data;
    return { personId: delivery.personId, deliveryId: delivery.id, dataRequestId: typeof data?.requestId === "string" ? data.requestId : null };
  }
  const request = input.requestId ? await tx.dataRequest.findUnique({ where: { id: input.requestId }, select: { personId: true } }) : null;
  if (!request) throw new AppError("NOT_FOUND", "no such request");
  return { personId: request.personId, deliveryId: null, dataRequestId: input.requestId! };
}

const shape = (row: { id: string; status: "DONE" | "FAILED"; eventId: string | null; dataRequestId: string | null }) => ({
  id: row.id,
  status: row.status,
  eventId: row.eventId,
  requestId: row.dataRequestId,
});
