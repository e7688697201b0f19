import { workerActor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import type { PrismaClient } from "../db/generated/client";
import type { JobInput } from "../queue/enqueue-job";
import type { JobHandler } from "../queue/job-handler";
import { buildDataExport } from "./build-data-export";

export const EXPORT_JOB_KIND = "export.build";
/** A build that failed this many times leaves the export FAILED (officers see it) and the job DEAD. */
export const EXPORT_MAX_ATTEMPTS = 3;

/** The build of a requested export, queued in the change that asks for it; one per export. */
export function exportBuildJob({ exportId, personId }: { exportId: string; personId: string }): JobInput {
  return { kind: EXPORT_JOB_KIND, key: `export:${exportId}`, dedupeKey: `export:${exportId}`, personId, payload: { exportId }, maxAttempts: EXPORT_MAX_ATTEMPTS };
}

/**
 * Takes the export for this try: BUILDING, held by this worker (progress and the finished file are
 * written only while it holds it). A FAILED one is taken too: its job runs again only when an
 * admin replays it. Answers false when there is nothing to build (ready, expired, or gone).
 */
async function takeExport(prisma: PrismaClient, exportId: string, workerId: string, attempt: number, now: Date): Promise<boolean> {
  const { count } = await prisma.dataExport.updateMany({
    where: { id: exportId, status: { in: ["PENDING", "BUILDING", "FAILED"] } },
    data: { status: "BUILDING", claimedBy: workerId, claimedAt: now, attempts: attempt, progress: 0 },
  });
  return count === 1;
}

/** After a failed try: the export waits for the next one, or, after the last, is FAILED with its audit entry. */
async function recordFailure(prisma: PrismaClient, exportId: string, attempt: number, last: boolean, workerId: string, now: Date) {
  await runChange(
    workerActor(workerId),
    async (tx) => {
      const exp = await tx.dataExport.update({ where: { id: exportId }, data: { status: last ? "FAILED" : "PENDING", claimedBy: null, claimedAt: null }, select: { requestId: true, request: { select: { personId: true } } } });
      return {
        result: undefined,
        audit: last ? { action: "export.failed", personId: exp.request.personId, target: `DataExport:${exportId}`, details: { dataRequestId: exp.requestId, attempts: attempt } } : [],
      };
    },
    { now, prisma },
  );
}

/** Builds one export; a failure is retried with the queue's backoff. */
export const exportBuildJobHandler: JobHandler = {
  kind: EXPORT_JOB_KIND,
  async run(job, { prisma, now, workerId }) {
    const exportId = String(job.payload.exportId);
    if (!(await takeExport(prisma, exportId, workerId, job.attempts, now))) return;
    try {
      await buildDataExport(prisma, { exportId, workerId }, now);
    } catch (error) {
      await recordFailure(prisma, exportId, job.attempts, job.attempts >= job.maxAttempts, workerId, now);
      throw error;
    }
  },
};
