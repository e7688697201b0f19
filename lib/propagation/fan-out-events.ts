import type { PrismaClient } from "../db/generated/client";
import { bodyForSystem, systemMayReadDetailsSql } from "./body-for-system";
import type { ClaimedDelivery } from "./claim-deliveries";

export const FAN_OUT_BATCH = 500;

/** The worker that will send what it fans out, at once: its deliveries are inserted claimed. */
export interface ClaimFor {
  workerId: string;
  leaseMs: number;
}

/**
 * Turns waiting outbox events into one Delivery per active system subscribed to the event's
 * type (or disabled only for failing), and marks the events dispatched, atomically.
 * Events are claimed with FOR UPDATE SKIP LOCKED, so workers running side by side never fan
 * out the same event twice (and the unique (event, system) pair would refuse it if they did).
 * One statement does it all, ids made in SQL (UUIDv7: the time, then a counter in event order),
 * so a batch costs one round trip. Returns how many events.
 */
export async function fanOutEvents(prisma: PrismaClient, now: Date, limit = FAN_OUT_BATCH): Promise<number> {
  return (await fanOut(prisma, now, { limit })).events;
}

/**
 * fanOutEvents for a sender: the deliveries to active systems are inserted already claimed by
 * `claimFor` (IN_FLIGHT on its lease, as claimDeliveries leaves them) and answered with their
 * bodies, so a delivery costs one write fewer than being inserted and then claimed. Deliveries
 * to a system disabled for failing are inserted waiting, as fanOutEvents does.
 */
export async function fanOutAndClaim(prisma: PrismaClient, now: Date, claimFor: ClaimFor, limit = FAN_OUT_BATCH) {
  return fanOut(prisma, now, { limit, claimFor });
}

async function fanOut(prisma: PrismaClient, now: Date, { limit, claimFor }: { limit: number; claimFor?: ClaimFor }): Promise<{ events: number; claimed: ClaimedDelivery[] }> {
  const at = now.toISOString();
  const claiming = claimFor !== undefined;
  const leaseUntil = claimFor ? new Date(now.getTime() + claimFor.leaseMs).toISOString() : null;
  const [row] = await prisma.$queryRaw<{ events: number; claimed: (Omit<ClaimedDelivery, "abandonedBy" | "abandonedLeaseUntil" | "failingSince"> & { failingSince: string | null; mayReadDetails: boolean })[] }[]>`
    WITH picked AS (
      SELECT "id", "type", "personId", "occurredAt", "payload" FROM "OutboxEvent"
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
        ${claiming}::boolean AND s."active" AS "claimed",
        row_number() OVER (ORDER BY p."occurredAt", p."id", s."id") - 1 AS "n"
      FROM picked p JOIN "ConnectedSystem" s ON p."type" = ANY(s."eventTypes")
      WHERE (s."active" OR s."disabledReason" = 'failing') AND s."webhookUrl" IS NOT NULL
    ), inserted AS (
      INSERT INTO "Delivery" ("id", "eventId", "systemId", "personId", "eventType", "webhookId", "status", "attempts", "leaseUntil", "leasedBy", "nextAttemptAt", "createdAt", "updatedAt")
      SELECT substr(v."ms", 1, 8) || '-' || substr(v."ms", 9, 4) || '-7' || lpad(to_hex(v."n" % 4096), 3, '0') || '-' || substr(v."random", 20),
        v."eventId", v."systemId", v."personId", v."type", 'msg_' || replace(gen_random_uuid()::text, '-', ''),
        CASE WHEN v."claimed" THEN 'IN_FLIGHT' ELSE 'PENDING' END::"DeliveryStatus", CASE WHEN v."claimed" THEN 1 ELSE 0 END,
        CASE WHEN v."claimed" THEN ${leaseUntil}::timestamp(3) END, CASE WHEN v."claimed" THEN ${claimFor?.workerId ?? null} END,
        ${at}::timestamp(3), ${at}::timestamp(3), ${at}::timestamp(3)
      FROM (SELECT pairs.*, lpad(to_hex(${now.getTime()}::bigint + pairs."n" / 4096), 12, '0') AS "ms" FROM pairs) v
      ON CONFLICT ("eventId", "systemId") DO NOTHING
      RETURNING "id", "eventId", "systemId", "webhookId", "attempts", "status"
    ), senders AS (
      -- Whether each system may read details is decided now, by the keys it holds (as claimDeliveries does).
      SELECT s."id", s."webhookUrl", s."failingSince",
        ${systemMayReadDetailsSql} AS "mayReadDetails"
      FROM "ConnectedSystem" s WHERE s."id" IN (SELECT "systemId" FROM pairs WHERE "claimed")
    )
    SELECT (SELECT count(*)::int FROM picked) AS "events",
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', i."id", 'eventId', i."eventId", 'systemId', i."systemId", 'webhookId', i."webhookId", 'attempts', i."attempts",
          'body', p."payload"::text, 'webhookUrl', s."webhookUrl", 'failingSince', s."failingSince", 'mayReadDetails', s."mayReadDetails"
        ) ORDER BY i."id")
        FROM inserted i JOIN picked p ON p."id" = i."eventId" JOIN senders s ON s."id" = i."systemId"
        WHERE i."status" = 'IN_FLIGHT'
      ), '[]'::json) AS "claimed"`;
  const claimed = (row?.claimed ?? []).map(({ mayReadDetails, body, failingSince, ...delivery }) => ({
    ...delivery,
    body: bodyForSystem(body, mayReadDetails),
    failingSince: failingSince ? new Date(`${failingSince}Z`) : null,
    abandonedBy: null,
    abandonedLeaseUntil: null,
  }));
  return { events: row?.events ?? 0, claimed };
}
