import type { PrismaClient } from "../db/generated/client";

export const FAN_OUT_BATCH = 500;

/**
 * Turns waiting outbox events into one Delivery per active system subscribed to the event's
 * type (or disabled only for failing), and marks the events dispatched, atomically.
 * Events are claimed with FOR UPDATE SKIP LOCKED, so workers running side by side never fan
 * out the same event twice (and the unique (event, system) pair would refuse it if they did).
 * One statement does it all, ids made in SQL (UUIDv7: the time, then a counter in event order),
 * so a batch costs one round trip. Returns how many events.
 */
export async function fanOutEvents(prisma: PrismaClient, now: Date, limit = FAN_OUT_BATCH): Promise<number> {
  const at = now.toISOString();
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    WITH picked AS (
      SELECT "id", "type", "personId", "occurredAt" FROM "OutboxEvent"
      WHERE "dispatchedAt" IS NULL
      ORDER BY "occurredAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), dispatched AS (
      UPDATE "OutboxEvent" AS o SET "dispatchedAt" = ${at}::timestamp(3) FROM picked WHERE o."id" = picked."id"
    ), pairs AS (
      -- A system disabled for failing gets its deliveries all the same: they wait for it to be
      -- enabled again, so no rectification or erasure is lost while its receiver was down.
      SELECT p."id" AS "eventId", s."id" AS "systemId", p."personId", p."type", gen_random_uuid()::text AS "random",
        row_number() OVER (ORDER BY p."occurredAt", p."id", s."id") - 1 AS "n"
      FROM picked p JOIN "ConnectedSystem" s ON p."type" = ANY(s."eventTypes")
      WHERE (s."active" OR s."disabledReason" = 'failing') AND s."webhookUrl" IS NOT NULL
    ), inserted AS (
      INSERT INTO "Delivery" ("id", "eventId", "systemId", "personId", "eventType", "webhookId", "nextAttemptAt", "createdAt", "updatedAt")
      SELECT substr(v."ms", 1, 8) || '-' || substr(v."ms", 9, 4) || '-7' || lpad(to_hex(v."n" % 4096), 3, '0') || '-' || substr(v."random", 20),
        v."eventId", v."systemId", v."personId", v."type", 'msg_' || replace(gen_random_uuid()::text, '-', ''),
        ${at}::timestamp(3), ${at}::timestamp(3), ${at}::timestamp(3)
      FROM (SELECT pairs.*, lpad(to_hex(${now.getTime()}::bigint + pairs."n" / 4096), 12, '0') AS "ms" FROM pairs) v
      ON CONFLICT ("eventId", "systemId") DO NOTHING
    )
    SELECT count(*)::int AS "count" FROM picked`;
  return row?.count ?? 0;
}
