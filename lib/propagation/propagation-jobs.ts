// The worker's propagation jobs: fan outbox events out into deliveries, then send what is due.
import { describeError, log } from "../log";
import type { WorkerJob } from "../worker/run-worker";
import { deliverDueWebhooks, deliverySettings } from "./deliver-due-webhooks";
import { FAN_OUT_BATCH, fanOutEvents } from "./fan-out-events";

/** How long one pass keeps sending while there is a backlog, before the other jobs get a turn. */
const PASS_BUDGET_MS = 1_000;

export const fanOutJob: WorkerJob = {
  name: "propagation.fan-out",
  run: async (prisma, now) => (await fanOutEvents(prisma, now)) === FAN_OUT_BATCH,
};

/**
 * Sends what is due, pipelined (deliverDueWebhooks), for up to a second while there is a
 * backlog. Outbox events still waiting are fanned out side by side, and what they yield goes
 * out in the same pass: the database work of one overlaps the HTTP calls of the other.
 */
export const deliverJob: WorkerJob = {
  name: "propagation.deliver",
  async run(prisma, _now, context) {
    const settings = deliverySettings();
    const fanOut = fanOutAlongside(prisma, Date.now() + PASS_BUDGET_MS, context.signal);
    // When nothing more is due, the sender waits for the batch being fanned out instead of draining.
    let seen = 0;
    const awaitMore = async () => {
      const landed = await fanOut.landedSince(seen);
      seen = fanOut.landed();
      return landed;
    };
    const more = await deliverDueWebhooks(prisma, new Date(), context, settings, { budgetMs: PASS_BUDGET_MS, awaitMore });
    return more || (await fanOut.done);
  },
};

/** Fans out batch after batch until the outbox is empty or the pass ends, counting the batches that landed. */
function fanOutAlongside(prisma: Parameters<WorkerJob["run"]>[0], deadline: number, signal: AbortSignal) {
  let landed = 0;
  let running = true;
  const waiting = new Set<() => void>();
  const notify = () => {
    for (const resolve of waiting) resolve();
    waiting.clear();
  };
  const done = (async () => {
    try {
      for (;;) {
        const count = await fanOutEvents(prisma, new Date());
        if (count > 0) landed += 1;
        notify();
        if (count < FAN_OUT_BATCH) return false;
        if (signal.aborted || Date.now() >= deadline) return true;
      }
    } catch (error) {
      log.error("propagation.fan_out_failed", describeError(error));
      return false;
    } finally {
      running = false;
      notify();
    }
  })();
  return {
    done,
    landed: () => landed,
    /** Whether a batch landed after the `seen`th: waits while one is being fanned out. */
    async landedSince(seen: number): Promise<boolean> {
      while (landed === seen && running) await new Promise<void>((resolve) => waiting.add(resolve));
      return landed > seen;
    },
  };
}
