// Housekeeping that no change causes (expiring exports, sweeping abandoned imports, forgetting old
// idempotency answers), run on the queue like every other side effect: each run queues its own
// successor, and a starting worker makes sure the first one is queued (see ensure-recurring-jobs).
import type { PrismaClient } from "../db/generated/client";
import { enqueueJob, type JobInput } from "./enqueue-job";
import type { WorkerJob } from "../worker/run-worker";
import type { JobHandler } from "./job-handler";

export interface RecurringJob {
  /** The job kind, e.g. "exports.expire". */
  kind: string;
  /** How often it comes round. */
  everyMs: number;
  /** One bounded run; answers true when it left work behind, so the next run comes at once. */
  run(prisma: PrismaClient, now: Date): Promise<boolean>;
}

/** The start of the job's next slot after `now`: every worker computes the same one. */
export function nextRecurringSlot(job: Pick<RecurringJob, "everyMs">, now: Date): Date {
  return new Date((Math.floor(now.getTime() / job.everyMs) + 1) * job.everyMs);
}

/**
 * The run for one slot. Its dedupe key names the slot, so workers that each make sure a run is
 * queued at start, and a run that queues its successor, agree on one chain.
 */
export function recurringJobInput(job: Pick<RecurringJob, "kind">, runAt: Date): JobInput {
  return { kind: job.kind, dedupeKey: `${job.kind}:${runAt.toISOString()}`, payload: {}, runAt, maxAttempts: 3 };
}

/**
 * Runs the job, then queues the next run: at once when work is left, else in the next slot. A
 * run that fails is retried with backoff; its last try queues the next slot before it goes DEAD,
 * so one bad run never ends the chain.
 */
export function recurringJobHandler(job: RecurringJob): JobHandler {
  return {
    kind: job.kind,
    async run(claimed, { prisma, now }) {
      let more: boolean;
      try {
        more = await job.run(prisma, now);
      } catch (error) {
        if (claimed.attempts >= claimed.maxAttempts) await enqueueJob(prisma, recurringJobInput(job, nextRecurringSlot(job, now)), now);
        throw error;
      }
      await enqueueJob(prisma, recurringJobInput(job, more ? now : nextRecurringSlot(job, now)), now);
    },
  };
}

/**
 * The worker job that makes sure each chain's next run is queued, once per worker start: any
 * number of workers queue the same runs (dedupe keys), and each run then queues its successor.
 */
export function createEnsureRecurringJob(ensure: (prisma: PrismaClient, now: Date) => Promise<void>): WorkerJob {
  let ensured = false;
  return {
    name: "queue.ensure-recurring",
    async run(prisma, now) {
      if (ensured) return;
      await ensure(prisma, now);
      ensured = true;
    },
  };
}
