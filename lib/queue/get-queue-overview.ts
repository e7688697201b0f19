import { db } from "../db/client";

/** Dead jobs listed at most (newest first). */
export const DEAD_JOBS_SHOWN = 100;

export interface QueueKindCounts {
  kind: string;
  pending: number;
  running: number;
  dead: number;
  /** When the longest-waiting due job became due (null: none is due). */
  oldestDueAt: Date | null;
}

/**
 * The queue as the back-office shows it: per kind, the jobs waiting, running and dead and how
 * long the oldest due one has waited; and the dead jobs with what failed, for replay. Never the
 * jobs' input (it may hold personal data, sealed or not).
 */
export async function getQueueOverview(now = new Date()) {
  const prisma = await db();
  const [counts, dead] = await Promise.all([
    prisma.$queryRaw<{ kind: string; pending: number; running: number; dead: number; oldestDueAt: Date | null }[]>`
      SELECT "kind",
        count(*) FILTER (WHERE "status" = 'PENDING')::int AS "pending",
        count(*) FILTER (WHERE "status" = 'RUNNING')::int AS "running",
        count(*) FILTER (WHERE "status" = 'DEAD')::int AS "dead",
        min("runAt") FILTER (WHERE "status" = 'PENDING' AND "runAt" <= ${now}) AS "oldestDueAt"
      FROM "Job" WHERE "status" IN ('PENDING', 'RUNNING', 'DEAD')
      GROUP BY "kind" ORDER BY "kind"`,
    prisma.job.findMany({
      where: { status: "DEAD" },
      orderBy: { finishedAt: "desc" },
      take: DEAD_JOBS_SHOWN,
      select: { id: true, kind: true, attempts: true, lastError: true, createdAt: true, finishedAt: true },
    }),
  ]);
  return { kinds: counts satisfies QueueKindCounts[], dead };
}
