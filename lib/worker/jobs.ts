import type { WorkerJob } from "./run-worker";

/** The jobs every worker runs. Capabilities register theirs here. */
export const workerJobs: WorkerJob[] = [];
