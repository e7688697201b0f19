// The requests' work in the worker, all on the queue. Side effects of a change (an erasure's step
// after its cooling-off period, an export's build) are queue jobs, written by the change itself.
// Housekeeping that no change causes runs as self-scheduling queue jobs: the officers' digest, the
// sweep of waiting erasures and the expiry of exports, made sure of when the worker starts.
import type { PrismaClient } from "../db/generated/client";
import { enqueueJobs } from "../queue/enqueue-job";
import type { JobHandler } from "../queue/job-handler";
import { nextRecurringSlot, recurringJobHandler, recurringJobInput, type RecurringJob } from "../queue/recurring-job";
import { erasureJobHandler } from "./erasure-job";
import { erasureSweepJob, erasureSweepJobHandler, nextSweepSlot } from "./erasure-sweep-job";
import { expireDataExports } from "./expire-data-exports";
import { exportBuildJobHandler } from "./export-build-job";
import { nextDigestAt, officerDigestJob, officerDigestJobHandler } from "./officer-digest-job";

/** Exports expired per run. */
const EXPIRE_BATCH = 50;

/** Every minute, deletes the files of exports past their expiry (a bounded batch; a full one runs again at once). */
export const exportExpiryJob: RecurringJob = {
  kind: "exports.expire",
  everyMs: 60_000,
  run: async (prisma, now) => (await expireDataExports(prisma, now, EXPIRE_BATCH)) === EXPIRE_BATCH,
};

/** What the queue runs for requests. */
export const requestJobHandlers: JobHandler[] = [erasureJobHandler, exportBuildJobHandler, erasureSweepJobHandler, officerDigestJobHandler, recurringJobHandler(exportExpiryJob)];

/**
 * Queues the next digest, sweep and export expiry unless they are queued already (their dedupe
 * keys name their time, so every worker asks for the same ones): each then queues its own successor.
 */
export async function ensureRecurringRequestJobs(prisma: PrismaClient, now: Date): Promise<void> {
  await enqueueJobs(prisma, [officerDigestJob(nextDigestAt(now)), erasureSweepJob(nextSweepSlot(now)), recurringJobInput(exportExpiryJob, nextRecurringSlot(exportExpiryJob, now))], now);
}
