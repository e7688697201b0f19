import { db } from "../db/client";
import { countJobsByKind } from "./count-jobs-by-kind";

/** Dead jobs listed at most (newest first). */
export const DEAD_JOBS_SHOWN = 100;

/**
 * The queue as the back-office shows it: per kind, the jobs waiting, running and dead and how
 * long the oldest due one has waited; and the dead jobs with what failed, for replay. Never the
 * jobs' input (it may hold personal data, sealed or not).
 */
export async function getQueueOverview(now = new Date()) {
  const prisma = await db();
  const [kinds, dead] = await Promise.all([
    countJobsByKind(prisma, now),
    prisma.job.findMany({
      where: { status: "DEAD" },
      orderBy: { finishedAt: "desc" },
      take: DEAD_JOBS_SHOWN,
      select: { id: true, kind: true, attempts: true, lastError: true, createdAt: true, finishedAt: true },
    }),
  ]);
  return { kinds, dead };
}
