// The requests' work in the worker. Side effects of a change (an erasure's step after its
// cooling-off period, an export's build) are queue jobs, written by the change itself. What is
// left here is housekeeping, which no change causes: export expiry stays a small periodic worker
// job (a bounded batch per pass), and the two self-scheduling jobs, the officers' digest and the
// sweep of waiting erasures, are made sure of when the worker starts.
import type { PrismaClient } from "../db/generated/client";
import { enqueueJobs } from "../queue/enqueue-job";
import type { JobHandler } from "../queue/job-handler";
import type { WorkerJob } from "../worker/run-worker";
import { erasureJobHandler } from "./erasure-job";
import { erasureSweepJob, erasureSweepJobHandler, nextSweepSlot } from "./erasure-sweep-job";
import { expireDataExports } from "./expire-data-exports";
import { exportBuildJobHandler } from "./export-build-job";
import { nextDigestAt, officerDigestJob, officerDigestJobHandler } from "./officer-digest-job";

/** What the queue runs for requests. */
export const requestJobHandlers: JobHandler[] = [erasureJobHandler, exportBuildJobHandler, erasureSweepJobHandler, officerDigestJobHandler];

export const expireExportsJob: WorkerJob = {
  name: "requests.expire-exports",
  run: async (prisma, now) => {
    await expireDataExports(prisma, now);
  },
};

/**
 * Queues the next digest and sweep unless they are queued already (their dedupe keys name their
 * time, so every worker asks for the same ones): each then queues its own successor.
 */
export async function ensureRecurringRequestJobs(prisma: PrismaClient, now: Date): Promise<void> {
  await enqueueJobs(prisma, [officerDigestJob(nextDigestAt(now)), erasureSweepJob(nextSweepSlot(now))], now);
}

let ensured = false;

/** Once per worker process, on its first pass. */
export const ensureRecurringJobsJob: WorkerJob = {
  name: "requests.ensure-recurring",
  run: async (prisma, now) => {
    if (ensured) return;
    await ensureRecurringRequestJobs(prisma, now);
    ensured = true;
  },
};

export const requestJobs: WorkerJob[] = [ensureRecurringJobsJob, expireExportsJob];
