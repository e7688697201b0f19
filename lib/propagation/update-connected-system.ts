import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";
import { assertWebhookUrlAllowed } from "./assert-webhook-url-allowed";
import { updateConnectedSystemSchema } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";

/**
 * Changes a system's settings. Enabling a disabled system clears why it was disabled, its
 * failure clock and its open notices; its waiting deliveries then go out.
 */
export async function updateConnectedSystem({ actor, systemId, input }: { actor: Actor; systemId: string; input: unknown }) {
  const data = parseOrThrow(updateConnectedSystemSchema, input, { what: "connected system input" });
  await assertWebhookUrlAllowed(data.webhookUrl);
  return runChange(actor, async (tx, now) => {
    const current = await tx.connectedSystem.findUnique({ where: { id: systemId }, select: { active: true } });
    if (!current) throw new AppError("NOT_FOUND", "no such system", { userMessage: "notFound" });
    const enabling = data.active && !current.active;
    const disabling = !data.active && current.active;
    await tx.connectedSystem.update({
      where: { id: systemId },
      data: {
        ...data,
        ...(enabling ? { disabledAt: null, disabledReason: null, failingSince: null } : {}),
        ...(disabling ? { disabledAt: now, disabledReason: "manual" } : {}),
      },
    });
    if (enabling) await tx.adminNotice.updateMany({ where: { systemId, resolvedAt: null }, data: { resolvedAt: now } });
    const action = enabling ? "system.enabled" : disabling ? "system.disabled" : "system.updated";
    return {
      result: { id: systemId },
      audit: { action, target: `ConnectedSystem:${systemId}`, details: { eventTypes: data.eventTypes, webhook: data.webhookUrl !== null, manual: data.manual, ...(disabling ? { reason: "manual" } : {}) } },
    };
  });
}
