import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";

/**
 * Sends a finished delivery again, with its retry schedule afresh. The webhook-id stays the
 * same: a receiver that already has it can tell it is the same message.
 */
export async function replayDelivery({ actor, deliveryId }: { actor: Actor; deliveryId: string }) {
  return runChange(actor, async (tx, now) => {
    const delivery = await tx.delivery.findUnique({ where: { id: deliveryId }, select: { status: true, systemId: true, personId: true } });
    if (!delivery) throw new AppError("NOT_FOUND", "no such delivery", { userMessage: "notFound" });
    if (delivery.status === "PENDING" || delivery.status === "IN_FLIGHT") throw new AppError("CONFLICT", "still in progress", { userMessage: "inProgress" });
    await tx.delivery.update({ where: { id: deliveryId }, data: { status: "PENDING", attempts: 0, nextAttemptAt: now, leaseUntil: null, leasedBy: null } });
    return {
      result: { deliveryId },
      audit: { action: "delivery.replayed", personId: delivery.personId, target: `Delivery:${deliveryId}`, details: { systemId: delivery.systemId, previousStatus: delivery.status } },
    };
  });
}
