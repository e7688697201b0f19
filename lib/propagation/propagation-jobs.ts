// The worker's propagation job: send what is due, and fan new outbox events out into deliveries
// as it goes (deliverDueWebhooks with fanOut).
import type { WorkerJob } from "../worker/run-worker";
import { deliverDueWebhooks, deliverySettings } from "./deliver-due-webhooks";

/** How long one pass keeps sending while there is a backlog, before the other jobs get a turn. */
const PASS_BUDGET_MS = 1_000;

/**
 * Sends what is due, pipelined (deliverDueWebhooks), for up to a second while there is a
 * backlog; once no claimed delivery is due, outbox events are fanned out into deliveries that
 * this worker holds already, and they go out in the same pass.
 */
export const deliverJob: WorkerJob = {
  name: "propagation.deliver",
  run: (prisma, _now, context) => deliverDueWebhooks(prisma, new Date(), context, deliverySettings(), { budgetMs: PASS_BUDGET_MS, fanOut: true }),
};
