import type { RecurringJob } from "../queue/recurring-job";
import { purgeIdempotencyRecords } from "./idempotency";

/** Hourly, a self-scheduling queue job: forgets Idempotency-Key answers older than 24 hours. */
export const purgeIdempotencyJob: RecurringJob = {
  kind: "api.idempotency-purge",
  everyMs: 60 * 60 * 1000,
  run: async (prisma, now) => {
    await purgeIdempotencyRecords(prisma, now);
    return false;
  },
};
