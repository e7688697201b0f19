import { randomUUID } from "node:crypto";
import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";
import { TEST_EVENT_TYPE } from "./event-types";
import { recordOutboxEvent } from "./record-outbox-event";

/**
 * "Send test event": a `system.test` event delivered to this one system only, through the
 * same signing, retries and log as any other, so an admin can check the receiver end to end.
 */
export async function sendTestEvent({ actor, systemId }: { actor: Actor; systemId: string }) {
  return runChange(actor, async (tx, now) => {
    const system = await tx.connectedSystem.findUnique({ where: { id: systemId }, select: { active: true, webhookUrl: true } });
    if (!system) throw new AppError("NOT_FOUND", "no such system", { userMessage: "notFound" });
    if (!system.webhookUrl) throw new AppError("CONFLICT", "no webhook URL", { userMessage: "noWebhookUrl" });
    if (!system.active) throw new AppError("CONFLICT", "system disabled", { userMessage: "systemDisabled" });
    const event = await recordOutboxEvent(tx, { type: TEST_EVENT_TYPE, personId: null, data: { systemId, note: "A test event from Omadata." } }, now);
    // Dispatched here, to this system only: the fan-out never sees it.
    await tx.outboxEvent.update({ where: { id: event.id }, data: { dispatchedAt: now } });
    const delivery = await tx.delivery.create({
      data: { eventId: event.id, systemId, eventType: TEST_EVENT_TYPE, webhookId: `msg_${randomUUID().replaceAll("-", "")}`, nextAttemptAt: now, createdAt: now },
      select: { id: true },
    });
    return {
      result: { deliveryId: delivery.id, eventId: event.id },
      audit: { action: "system.test_event_sent", target: `ConnectedSystem:${systemId}`, details: { deliveryId: delivery.id } },
    };
  });
}
