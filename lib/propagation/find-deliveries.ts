import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { deliveryFilterSchema, type DeliveryFilter } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";

/**
 * A page of the delivery log, newest first, for one system or one person, with filters. Ids
 * are time-ordered (UUIDv7), so the cursor is the last id of the page.
 */
export async function findDeliveries(filter: DeliveryFilter) {
  const { systemId, personId, status, eventType, cursor, take } = parseOrThrow(deliveryFilterSchema, filter, { what: "connected system input" });
  const where: Prisma.DeliveryWhereInput = {
    ...(systemId ? { systemId } : {}),
    ...(personId ? { personId } : {}),
    ...(status ? { status } : {}),
    ...(eventType ? { eventType } : {}),
    ...(cursor ? { id: { lt: cursor } } : {}),
  };
  const rows = await (await db()).delivery.findMany({
    where,
    orderBy: { id: "desc" },
    take: take + 1,
    select: {
      id: true, eventId: true, eventType: true, personId: true, webhookId: true, status: true, attempts: true,
      nextAttemptAt: true, lastStatusCode: true, lastError: true, deliveredAt: true, createdAt: true,
      system: { select: { id: true, key: true, name: true } },
      acknowledgements: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true, createdAt: true } },
    },
  });
  const items = rows.slice(0, take);
  return { items, nextCursor: rows.length > take ? items[items.length - 1]!.id : null };
}

export type DeliveryLogItem = Awaited<ReturnType<typeof findDeliveries>>["items"][number];
