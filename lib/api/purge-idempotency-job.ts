import type { WorkerJob } from "../worker/run-worker";
import { purgeIdempotencyRecords } from "./idempotency";

const EVERY_MS = 60 * 60 * 1000;
let lastRun = 0;

/** Hourly: forgets Idempotency-Key answers older than 24 hours. */
export const purgeIdempotencyJob: WorkerJob = {
  name: "api.idempotency-purge",
  async run(prisma, now) {
    if (now.getTime() - lastRun < EVERY_MS) return;
    lastRun = now.getTime();
    await purgeIdempotencyRecords(prisma, now);
  },
};
