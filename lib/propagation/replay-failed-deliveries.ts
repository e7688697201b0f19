import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";

/** Sends every FAILED delivery of one system again (e.g. after the receiver was fixed). */
export async function replayFailedDeliveries({ actor, systemId }: { actor: Actor; systemId: string }) {
  return runChange(actor, async (tx, now) => {
    if (!(await tx.connectedSystem.findUnique({ where: { id: systemId }, select: { id: true } }))) {
      throw new AppError("NOT_FOUND", "no such system", { userMessage: "notFound" });
    }
    const { count } = await tx.delivery.updateMany({
      where: { systemId, status: "FAILED" },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: now, leaseUntil: null, leasedBy: null },
    });
    return {
      result: { replayed: count },
      audit: count === 0 ? [] : { action: "delivery.replayed_failed", target: `ConnectedSystem:${systemId}`, details: { count } },
    };
  });
}
