// The catch-up feed (GET /api/v1/events?after=): every event for one system, oldest first, with
// the bodies its webhooks carry, so a system that was down, or is new, converges without webhooks.
import { db } from "../db/client";
import { withoutDetails } from "./body-for-system";
import { TEST_EVENT_TYPE } from "./event-types";
import type { OutboxPayload } from "./record-outbox-event";

/** Where a reader of the feed stands: after this event (its transaction id, then its position). */
export interface FeedPosition {
  transactionId: bigint;
  position: bigint;
}

export const encodeFeedPosition = (at: FeedPosition) => `${at.transactionId}.${at.position}`;
export function decodeFeedPosition(text: string): FeedPosition {
  const [transactionId, position] = text.split(".");
  return { transactionId: BigInt(transactionId!), position: BigInt(position!) };
}

/**
 * A page of the system's events after `after`: those of the types it subscribes to (and the test
 * events sent to it) since it was created, with details only when `mayReadDetails`.
 *
 * Order without gaps: an event's id and occurredAt are fixed before its transaction commits, so
 * two transactions can commit out of that order, and a reader paging by them would step over the
 * one that commits later with the earlier value. Instead each event holds its transaction's id
 * (pg_current_xact_id at insert) and its insertion position, and the page lists only events of
 * transactions older than the oldest one still running (pg_snapshot_xmin of the statement's own
 * snapshot): those have all finished, so every event of them is visible now, and any transaction
 * that commits later has an id at or above that bound and sorts after every event listed. Order
 * by (transaction id, position) is then final: a cursor never has an event appear behind it. The
 * price is that one long transaction (a big import, or any transaction with an id in another
 * database on the same server: the bound is the server's) holds the feed back until it ends; it
 * delays, it never skips. The same holds on PGlite, which runs one transaction at a time.
 */
export async function findEventFeed({
  systemId, after, type, limit, mayReadDetails,
}: { systemId: string; after: FeedPosition | null; type?: string; limit: number; mayReadDetails: boolean }) {
  const prisma = await db();
  const system = await prisma.connectedSystem.findUniqueOrThrow({ where: { id: systemId }, select: { eventTypes: true, createdAt: true } });
  const from = after ?? { transactionId: -1n, position: -1n };
  const rows = await prisma.$queryRaw<{ payload: OutboxPayload; transactionId: bigint; position: bigint }[]>`
    SELECT "payload", "transactionId", "position" FROM "OutboxEvent"
    WHERE "transactionId" < (pg_snapshot_xmin(pg_current_snapshot()))::text::bigint
      AND ("transactionId", "position") > (${from.transactionId}, ${from.position})
      AND "occurredAt" >= ${system.createdAt}
      AND ("type" = ANY(${system.eventTypes}) OR ("type" = ${TEST_EVENT_TYPE} AND "payload"->'data'->>'systemId' = ${systemId}))
      AND (${type ?? null}::text IS NULL OR "type" = ${type ?? null})
    ORDER BY "transactionId", "position"
    LIMIT ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => (mayReadDetails ? row.payload : withoutDetails(row.payload))),
    /** Where the next page starts: after this page's last event, or where the reader stood. */
    next: last ? { transactionId: last.transactionId, position: last.position } : after,
    hasMore: rows.length > limit,
  };
}
