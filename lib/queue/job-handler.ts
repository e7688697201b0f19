import type { PrismaClient } from "../db/generated/client";
import type { ClaimedJob } from "./claim-jobs";

export interface JobRunContext {
  prisma: PrismaClient;
  /** When the worker's pass started. */
  now: Date;
  workerId: string;
  /** Aborts when the worker stops. */
  signal: AbortSignal;
}

/** Runs the jobs of one kind. Throwing fails the try: it is retried with backoff, and DEAD after its last attempt. */
export interface JobHandler {
  kind: string;
  /** Set when a try may outlast the queue's common lease: the lease must cover the longest try. */
  leaseMs?: number;
  run(job: ClaimedJob, context: JobRunContext): Promise<void>;
}

/** A failure no retry can mend (e.g. the input cannot be opened): the job goes DEAD at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}
