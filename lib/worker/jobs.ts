import { purgeIdempotencyJob } from "../api/purge-idempotency-job";
import { emailJobHandler } from "../email/email-job";
import { importSweepJob, importWorkerJob } from "../import/import-worker-job";
import { deliverJob, fanOutJob } from "../propagation/propagation-jobs";
import { createQueueJob } from "../queue/run-queue";
import type { JobHandler } from "../queue/job-handler";
import { requestJobs } from "../requests/request-jobs";
import type { WorkerJob } from "./run-worker";

/** What the queue runs: one handler per job kind. Capabilities register theirs here. */
export const jobHandlers: JobHandler[] = [emailJobHandler];

/** The jobs every worker runs. Capabilities register theirs here. */
export const workerJobs: WorkerJob[] = [fanOutJob, deliverJob, createQueueJob(jobHandlers), purgeIdempotencyJob, ...requestJobs, importWorkerJob, importSweepJob];
