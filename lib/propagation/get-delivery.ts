import { db } from "../db/client";

/** One delivery with every try and any acknowledgement, for the back-office. */
export async function getDelivery(deliveryId: string) {
  return (await db()).delivery.findUnique({
    where: { id: deliveryId },
    select: {
      id: true, eventId: true, eventType: true, personId: true, webhookId: true, status: true, attempts: true,
      nextAttemptAt: true, lastStatusCode: true, lastError: true, deliveredAt: true, createdAt: true,
      system: { select: { id: true, key: true, name: true } },
      attemptLog: {
        orderBy: { startedAt: "desc" },
        select: { id: true, startedAt: true, durationMs: true, statusCode: true, error: true, responseSnippet: true, workerId: true },
      },
      acknowledgements: { orderBy: { createdAt: "desc" }, select: { id: true, status: true, note: true, createdAt: true } },
    },
  });
}

export type DeliveryDetail = NonNullable<Awaited<ReturnType<typeof getDelivery>>>;
