// The worker loop: reports a heartbeat and runs the registered jobs, one pass per tick.
// Runs inside the server by default, or alone (`npm run worker`) on PostgreSQL.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../db/generated/client";
import { describeError, log } from "../log";
import { beat } from "./heartbeat";

/** A job does one bounded batch of work per pass. */
export interface WorkerJob {
  name: string;
  run(prisma: PrismaClient, now: Date): Promise<void>;
}

export interface RunningWorker {
  id: string;
  /** Finishes the pass in progress, then stops. */
  stop(): Promise<void>;
}

export function startWorker(prisma: PrismaClient, options: { pollMs: number; jobs?: WorkerJob[] }): RunningWorker {
  const id = `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  const startedAt = new Date();
  const jobs = options.jobs ?? [];
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const pass = async () => {
    const now = new Date();
    try {
      await beat(prisma, id, startedAt, now);
    } catch (error) {
      log.warn("worker.heartbeat_failed", describeError(error));
    }
    for (const job of jobs) {
      if (stopping) return;
      try {
        await job.run(prisma, now);
      } catch (error) {
        log.error("worker.job_failed", { job: job.name, ...describeError(error) });
      }
    }
  };
  const tick = () => {
    current = pass().finally(() => {
      if (!stopping) timer = setTimeout(tick, options.pollMs);
    });
  };
  tick();
  log.info("worker.started", { workerId: id, jobs: jobs.map((j) => j.name) });
  return {
    id,
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await current;
      log.info("worker.stopped", { workerId: id });
    },
  };
}
