import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../db/generated/client";
import { generateUuid7 } from "../db/generate-uuid7";

export const FAN_OUT_BATCH = 200;

/**
 * Turns waiting outbox events into one Delivery per active system subscribed to the event's
 * type (or disabled only for failing), and marks the events dispatched, in one transaction.
 * Events are claimed with FOR UPDATE SKIP LOCKED, so workers running side by side never fan
 * out the same event twice (and the unique (event, system) pair would refuse it if they did).
 * The rows go in as one JSON parameter: a createMany of hundreds of rows costs far more.
 * Returns how many events.
 */
export async function fanOutEvents(prisma: PrismaClient, now: Date, limit = FAN_OUT_BATCH): Promise<number> {
  // Most passes find nothing: a plain read first spares them a transaction.
  const [waiting] = await prisma.$queryRaw<{ any: boolean }[]>`SELECT EXISTS (SELECT 1 FROM "OutboxEvent" WHERE "dispatchedAt" IS NULL) AS "any"`;
  if (!waiting?.any) return 0;
  return prisma.$transaction(
    async (tx) => {
      const events = await tx.$queryRaw<{ id: string; type: string; personId: string | null }[]>`
        SELECT "id", "type", "personId" FROM "OutboxEvent"
        WHERE "dispatchedAt" IS NULL
        ORDER BY "occurredAt", "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED`;
      if (events.length === 0) return 0;
      const types = [...new Set(events.map((e) => e.type))];
      const systems = await tx.connectedSystem.findMany({
        // A system disabled for failing gets its deliveries all the same: they wait for it to be
        // enabled again, so no rectification or erasure is lost while its receiver was down.
        where: { OR: [{ active: true }, { disabledReason: "failing" }], webhookUrl: { not: null }, eventTypes: { hasSome: types } },
        select: { id: true, eventTypes: true },
      });
      const at = now.toISOString();
      const deliveries = events.flatMap((event) =>
        systems
          .filter((system) => system.eventTypes.includes(event.type))
          .map((system) => ({ id: generateUuid7(now.getTime()), eventId: event.id, systemId: system.id, personId: event.personId, eventType: event.type, webhookId: `msg_${randomUUID().replaceAll("-", "")}` })),
      );
      if (deliveries.length > 0) {
        await tx.$executeRaw`
          INSERT INTO "Delivery" ("id", "eventId", "systemId", "personId", "eventType", "webhookId", "nextAttemptAt", "createdAt", "updatedAt")
          SELECT v."id", v."eventId", v."systemId", v."personId", v."eventType", v."webhookId", ${at}::timestamp(3), ${at}::timestamp(3), ${at}::timestamp(3)
          FROM jsonb_to_recordset(${JSON.stringify(deliveries)}::jsonb) AS v("id" text, "eventId" text, "systemId" text, "personId" text, "eventType" text, "webhookId" text)
          ON CONFLICT ("eventId", "systemId") DO NOTHING`;
      }
      await tx.$executeRaw`UPDATE "OutboxEvent" SET "dispatchedAt" = ${at}::timestamp(3) WHERE "id" = ANY(${events.map((e) => e.id)})`;
      return events.length;
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
}
