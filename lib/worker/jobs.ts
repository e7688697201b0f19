import { purgeIdempotencyJob } from "../api/purge-idempotency-job";
import { auditSequencerJob } from "../audit/audit-sequencer-job";
import { emailJobHandler } from "../email/email-job";
import { importPassJobHandler, importSweepJob } from "../import/import-worker-job";
import { deliverJob } from "../propagation/propagation-jobs";
import type { PrismaClient } from "../db/generated/client";
import { enqueueJobs } from "../queue/enqueue-job";
import type { JobHandler } from "../queue/job-handler";
import { createEnsureRecurringJob, nextRecurringSlot, recurringJobHandler, recurringJobInput } from "../queue/recurring-job";
import { createQueueJob } from "../queue/run-queue";
import { ensureRecurringRequestJobs, requestJobHandlers } from "../requests/request-jobs";
import { sweepPersonNamesJob } from "../search/sweep-person-names";
import type { WorkerJob } from "./run-worker";

/** Housekeeping of other capabilities, each a self-scheduling queue job. */
const recurringJobs = [importSweepJob, purgeIdempotencyJob, sweepPersonNamesJob];

/** What the queue runs: one handler per job kind. Capabilities register theirs here. */
export const jobHandlers: JobHandler[] = [emailJobHandler, ...requestJobHandlers, importPassJobHandler, ...recurringJobs.map(recurringJobHandler)];

/** Queues the next run of every self-scheduling job unless it is queued already (see createEnsureRecurringJob). */
export async function ensureRecurringJobs(prisma: PrismaClient, now: Date): Promise<void> {
  await ensureRecurringRequestJobs(prisma, now);
  await enqueueJobs(prisma, recurringJobs.map((job) => recurringJobInput(job, nextRecurringSlot(job, now))), now);
}

/**
 * The jobs every worker runs: the audit log's sequencer, webhook fan-out and delivery in one (their own tables, for speed), the
 * queue, and, once per start, making sure the self-scheduling housekeeping jobs are queued.
 */
export const workerJobs: WorkerJob[] = [auditSequencerJob, deliverJob, createQueueJob(jobHandlers), createEnsureRecurringJob(ensureRecurringJobs)];
