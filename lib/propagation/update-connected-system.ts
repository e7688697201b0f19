import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import type { Tx } from "../db/types";
import { AppError } from "../errors";
import { assertWebhookUrlAllowed } from "./assert-webhook-url-allowed";
import { generateWebhookSecret } from "./generate-webhook-secret";
import { updateConnectedSystemSchema } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";

/**
 * Changes a system's settings. Enabling a disabled system clears why it was disabled, its
 * failure clock and its open notices; its waiting deliveries then go out. A system made manual
 * loses its signing secrets (it receives no webhooks); one switched to webhooks without a current
 * secret gets a new one, returned once as on creation (`secret`, else null).
 */
export async function updateConnectedSystem({ actor, systemId, input }: { actor: Actor; systemId: string; input: unknown }) {
  const data = parseOrThrow(updateConnectedSystemSchema, input, { what: "connected system input" });
  await assertWebhookUrlAllowed(data.webhookUrl);
  return runChange(actor, async (tx, now) => {
    const current = await tx.connectedSystem.findUnique({ where: { id: systemId }, select: { active: true, manual: true } });
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
    const secret = await settleSecret(tx, { systemId, manual: data.manual, now });
    if (enabling) await tx.adminNotice.updateMany({ where: { systemId, resolvedAt: null }, data: { resolvedAt: now } });
    const action = enabling ? "system.enabled" : disabling ? "system.disabled" : "system.updated";
    return {
      result: { id: systemId, secret: secret.plain },
      audit: {
        action,
        target: `ConnectedSystem:${systemId}`,
        details: { eventTypes: data.eventTypes, webhook: data.webhookUrl !== null, manual: data.manual, ...(disabling ? { reason: "manual" } : {}), ...secret.details },
      },
    };
  });
}

/** A manual system holds no secret; a webhook system has a current one (made here when missing). */
async function settleSecret(tx: Tx, { systemId, manual, now }: { systemId: string; manual: boolean; now: Date }) {
  if (manual) {
    const { count } = await tx.webhookSecret.deleteMany({ where: { systemId } });
    return { plain: null, details: count > 0 ? { secretsDeleted: count } : {} };
  }
  if (await tx.webhookSecret.findFirst({ where: { systemId, validUntil: null }, select: { id: true } })) return { plain: null, details: {} };
  const { id, secret, encryptedSecret } = generateWebhookSecret();
  await tx.webhookSecret.create({ data: { id, systemId, encryptedSecret, createdAt: now } });
  return { plain: secret, details: { secretId: id } };
}
