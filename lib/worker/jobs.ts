import { purgeIdempotencyJob } from "../api/purge-idempotency-job";
import { importSweepJob, importWorkerJob } from "../import/import-worker-job";
import { deliverJob, fanOutJob } from "../propagation/propagation-jobs";
import { requestJobs } from "../requests/request-jobs";
import type { WorkerJob } from "./run-worker";

/** The jobs every worker runs. Capabilities register theirs here. */
export const workerJobs: WorkerJob[] = [fanOutJob, deliverJob, purgeIdempotencyJob, ...requestJobs, importWorkerJob, importSweepJob];
