import type { PrismaClient } from "../db/generated/client";

/** Succeeded jobs are kept this long (for the back-office's queue view), then deleted. */
export const SUCCEEDED_JOB_RETENTION_MS = 7 * 24 * 60 * 60_000;
const PURGE_EVERY_MS = 60_000;
const PURGE_BATCH = 1_000;

let lastPurge = 0;

/** Deletes a bounded batch of long-succeeded jobs, at most once a minute per worker. Dead jobs stay until replayed or resolved. */
export async function purgeFinishedJobs(prisma: Pick<PrismaClient, "$executeRaw">, now: Date): Promise<void> {
  if (Date.now() - lastPurge < PURGE_EVERY_MS) return;
  lastPurge = Date.now();
  const before = new Date(now.getTime() - SUCCEEDED_JOB_RETENTION_MS);
  await prisma.$executeRaw`
    DELETE FROM "Job" WHERE "id" IN (
      SELECT "id" FROM "Job" WHERE "status" = 'SUCCEEDED' AND "finishedAt" < ${before} LIMIT ${PURGE_BATCH})`;
}
