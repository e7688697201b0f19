// The worker loop: reports a heartbeat and runs the registered jobs, one pass per tick.
// Runs inside the server by default, or alone (`npm run worker`) on PostgreSQL.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../db/generated/client";
import { describeError, log } from "../log";
import { beat } from "./heartbeat";

/**
 * A job does one bounded batch of work per pass. It answers true when it left work behind (a
 * full batch), so the next pass starts at once instead of after the poll interval.
 */
export interface WorkerJob {
  name: string;
  run(prisma: PrismaClient, now: Date, context: JobContext): Promise<void | boolean>;
}

export interface JobContext {
  /** The worker's id, e.g. for leases. */
  workerId: string;
  /** Aborts when the worker stops: a job takes no new work and releases what it had claimed. */
  signal: AbortSignal;
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
  let current: Promise<boolean> = Promise.resolve(false);
  const stopSignal = new AbortController();
  let lastBeat = 0;

  const pass = async () => {
    let more = false;
    // Back-to-back passes (a backlog) beat at most once per poll interval.
    if (Date.now() - lastBeat >= options.pollMs) {
      lastBeat = Date.now();
      try {
        await beat(prisma, id, startedAt);
      } catch (error) {
        log.warn("worker.heartbeat_failed", describeError(error));
      }
    }
    for (const job of jobs) {
      if (stopping) return false;
      try {
        more = (await job.run(prisma, new Date(), { workerId: id, signal: stopSignal.signal })) === true || more;
      } catch (error) {
        log.error("worker.job_failed", { job: job.name, ...describeError(error) });
      }
    }
    return more;
  };
  const tick = () => {
    current = pass();
    void current.then((more) => {
      if (!stopping) timer = setTimeout(tick, more ? 0 : options.pollMs);
    });
  };
  tick();
  log.info("worker.started", { workerId: id, jobs: jobs.map((j) => j.name) });
  return {
    id,
    async stop() {
      stopping = true;
      stopSignal.abort();
      if (timer) clearTimeout(timer);
      await current;
      log.info("worker.stopped", { workerId: id });
    },
  };
}
