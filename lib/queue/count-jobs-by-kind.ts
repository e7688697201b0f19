import type { PrismaClient } from "../db/generated/client";

export interface QueueKindCounts {
  kind: string;
  pending: number;
  running: number;
  dead: number;
  /** When the longest-waiting due job became due (null: none is due). */
  oldestDueAt: Date | null;
}

/**
 * Per job kind: the jobs waiting, running and dead, and when the longest-waiting due one became
 * due. One grouped scan of the unfinished jobs (finished ones are purged); the back-office's queue
 * page and /metrics both read it.
 */
export function countJobsByKind(prisma: PrismaClient, now: Date) {
  return prisma.$queryRaw<QueueKindCounts[]>`
    SELECT "kind",
      count(*) FILTER (WHERE "status" = 'PENDING')::int AS "pending",
      count(*) FILTER (WHERE "status" = 'RUNNING')::int AS "running",
      count(*) FILTER (WHERE "status" = 'DEAD')::int AS "dead",
      min("runAt") FILTER (WHERE "status" = 'PENDING' AND "runAt" <= ${now}) AS "oldestDueAt"
    FROM "Job" WHERE "status" IN ('PENDING', 'RUNNING', 'DEAD')
    GROUP BY "kind" ORDER BY "kind"`;
}
