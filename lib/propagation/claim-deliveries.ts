import type { PrismaClient } from "../db/generated/client";
import { bodyForSystem, systemMayReadDetailsSql } from "./body-for-system";

export interface ClaimedDelivery {
  id: string;
  eventId: string;
  systemId: string;
  webhookId: string;
  /** Tries including this one. */
  attempts: number;
  /** Set when this claim took over from a worker whose lease ran out (it died mid-delivery). */
  abandonedBy: string | null;
  abandonedLeaseUntil: Date | null;
  /** The webhook body (JSON text): the event's payload, without details unless the system may read them. */
  body: string;
  webhookUrl: string | null;
  /** The system's failure clock. */
  failingSince: Date | null;
}

/**
 * Claims due deliveries of active systems for one worker: PENDING ones whose time has come,
 * and IN_FLIGHT ones whose lease ran out (their worker stopped or died). FOR UPDATE SKIP LOCKED
 * lets any number of workers claim side by side without waiting for or doubling each other.
 * The body is cut here for the system (bodyForSystem): whether it may read details is decided
 * when it is sent, by the keys it holds then.
 */
export async function claimDeliveries(
  prisma: PrismaClient,
  { workerId, now, limit, leaseMs }: { workerId: string; now: Date; limit: number; leaseMs: number },
): Promise<ClaimedDelivery[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const rows = await prisma.$queryRaw<(ClaimedDelivery & { mayReadDetails: boolean })[]>`
    WITH picked AS (
      SELECT d."id", d."status" AS "previousStatus", d."leasedBy" AS "previousLeasedBy", d."leaseUntil" AS "previousLeaseUntil"
      FROM "Delivery" d JOIN "ConnectedSystem" s ON s."id" = d."systemId"
      WHERE s."active"
        AND ((d."status" = 'PENDING' AND d."nextAttemptAt" <= ${now}) OR (d."status" = 'IN_FLIGHT' AND d."leaseUntil" < ${now}))
      ORDER BY d."nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE "Delivery" AS d
    SET "status" = 'IN_FLIGHT', "leaseUntil" = ${leaseUntil}, "leasedBy" = ${workerId}, "attempts" = d."attempts" + 1, "updatedAt" = ${now}
    FROM picked, "OutboxEvent" o, "ConnectedSystem" s
    WHERE d."id" = picked."id" AND o."id" = d."eventId" AND s."id" = d."systemId"
    RETURNING d."id", d."eventId", d."systemId", d."webhookId", d."attempts", o."payload"::text AS "body", s."webhookUrl", s."failingSince",
      CASE WHEN picked."previousStatus" = 'IN_FLIGHT' THEN picked."previousLeasedBy" END AS "abandonedBy",
      CASE WHEN picked."previousStatus" = 'IN_FLIGHT' THEN picked."previousLeaseUntil" END AS "abandonedLeaseUntil",
      ${systemMayReadDetailsSql} AS "mayReadDetails"`;
  return rows.map(({ mayReadDetails, body, ...delivery }) => ({ ...delivery, body: bodyForSystem(body, mayReadDetails) }));
}
