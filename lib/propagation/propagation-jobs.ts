// The worker's propagation jobs: fan outbox events out into deliveries, then send what is due.
import type { WorkerJob } from "../worker/run-worker";
import { deliverDueWebhooks, deliverySettings } from "./deliver-due-webhooks";
import { FAN_OUT_BATCH, fanOutEvents } from "./fan-out-events";

/** How long one pass keeps sending while there is a backlog, before the other jobs get a turn. */
const PASS_BUDGET_MS = 1_000;
const LANES = 2;

export const fanOutJob: WorkerJob = {
  name: "propagation.fan-out",
  run: async (prisma, now) => (await fanOutEvents(prisma, now)) === FAN_OUT_BATCH,
};

/**
 * Two lanes, each claiming and sending half of WEBHOOK_CONCURRENCY in turn, so one lane's
 * database work overlaps the other's HTTP calls; together never more calls at once than set.
 */
export const deliverJob: WorkerJob = {
  name: "propagation.deliver",
  async run(prisma, _now, context) {
    const settings = deliverySettings();
    const lane = { ...settings, concurrency: Math.max(1, Math.ceil(settings.concurrency / LANES)) };
    const deadline = Date.now() + PASS_BUDGET_MS;
    const run = async () => {
      let more = true;
      while (more && Date.now() < deadline && !context.signal.aborted) more = await deliverDueWebhooks(prisma, new Date(), context, lane);
      return more;
    };
    const lanes = settings.concurrency > 1 ? LANES : 1;
    return (await Promise.all(Array.from({ length: lanes }, run))).some(Boolean);
  },
};
