import { purgeIdempotencyJob } from "../api/purge-idempotency-job";
import { emailJobHandler } from "../email/email-job";
import { importPassJobHandler, importSweepJob } from "../import/import-worker-job";
import { deliverJob, fanOutJob } from "../propagation/propagation-jobs";
import { createQueueJob } from "../queue/run-queue";
import type { JobHandler } from "../queue/job-handler";
import { requestJobHandlers, requestJobs } from "../requests/request-jobs";
import type { WorkerJob } from "./run-worker";

/** What the queue runs: one handler per job kind. Capabilities register theirs here. */
export const jobHandlers: JobHandler[] = [emailJobHandler, ...requestJobHandlers, importPassJobHandler];

/**
 * The jobs every worker runs: webhook fan-out and delivery (their own tables, for speed), the
 * queue, and housekeeping that no change causes. Capabilities register theirs here.
 */
export const workerJobs: WorkerJob[] = [fanOutJob, deliverJob, createQueueJob(jobHandlers), purgeIdempotencyJob, ...requestJobs, importSweepJob];
