// The worker's one queue loop: claims due jobs of every kind it has a handler for, runs them a few
// at a time, and records each outcome (done, retry later, or dead).
import { describeError, log } from "../log";
import type { WorkerJob } from "../worker/run-worker";
import { claimJobs, type ClaimedJob } from "./claim-jobs";
import { markJobFailed, markJobSucceeded } from "./finish-job";
import type { JobHandler, JobRunContext } from "./job-handler";
import { purgeFinishedJobs } from "./purge-finished-jobs";

export interface QueueSettings {
  /** Jobs claimed per pass. */
  batch: number;
  /** Jobs run at once. */
  concurrency: number;
  /** Longer than any job's try takes, so a live worker never loses its lease mid-try. */
  leaseMs: number;
}

export const defaultQueueSettings: QueueSettings = { batch: 16, concurrency: 4, leaseMs: 5 * 60_000 };

/** The worker job that runs the queue with these handlers (lib/worker/jobs.ts lists them). */
export function createQueueJob(handlers: JobHandler[], settings: QueueSettings = defaultQueueSettings): WorkerJob {
  const byKind = new Map(handlers.map((handler) => [handler.kind, handler]));
  const leaseMsByKind = Object.fromEntries(handlers.flatMap((handler) => (handler.leaseMs ? [[handler.kind, handler.leaseMs]] : [])));
  return {
    name: "queue",
    async run(prisma, now, { workerId, signal }) {
      await purgeFinishedJobs(prisma, now);
      if (signal.aborted) return false;
      const claimed = await claimJobs(prisma, { workerId, now, limit: settings.batch, leaseMs: settings.leaseMs, leaseMsByKind, kinds: [...byKind.keys()] });
      const context: JobRunContext = { prisma, now, workerId, signal };
      const queue = [...claimed];
      const runNext = async (): Promise<void> => {
        const job = queue.shift();
        if (!job) return;
        await runOne(job, byKind.get(job.kind)!, context);
        return runNext();
      };
      await Promise.all(Array.from({ length: Math.min(settings.concurrency, claimed.length) }, runNext));
      return claimed.length === settings.batch && !signal.aborted;
    },
  };
}

/** Runs one claimed job and records what came of it; never throws. */
export async function runOne(job: ClaimedJob, handler: JobHandler, context: JobRunContext): Promise<void> {
  const { prisma, workerId } = context;
  // The pass's clock moved on by the time taken (tests run passes at a chosen `now`).
  const started = Date.now();
  const finishedAt = () => new Date(context.now.getTime() + Date.now() - started);
  if (job.abandonedBy) log.warn("queue.job_abandoned", { jobId: job.id, kind: job.kind, abandonedBy: job.abandonedBy });
  try {
    await handler.run(job, context);
    await markJobSucceeded(prisma, job, workerId, finishedAt());
  } catch (error) {
    try {
      const outcome = await markJobFailed(prisma, job, workerId, finishedAt(), error);
      log[outcome === "dead" ? "error" : "warn"](outcome === "dead" ? "queue.job_dead" : "queue.job_failed", { jobId: job.id, kind: job.kind, attempts: job.attempts, ...describeError(error) });
    } catch (recordError) {
      // The lease runs out and another pass tries the job again.
      log.error("queue.outcome_not_recorded", { jobId: job.id, kind: job.kind, ...describeError(recordError) });
    }
  }
}
