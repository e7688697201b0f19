import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";
import { generateWebhookSecret } from "./generate-webhook-secret";

/** How long the replaced secret keeps signing beside the new one, so receivers can switch over. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** Replaces the signing secret; the new one is returned once. A manual system has none to replace. */
export async function rotateWebhookSecret({ actor, systemId }: { actor: Actor; systemId: string }) {
  const { id, secret, encryptedSecret } = generateWebhookSecret();
  return runChange(actor, async (tx, now) => {
    const system = await tx.connectedSystem.findUnique({ where: { id: systemId }, select: { id: true, manual: true } });
    if (!system) throw new AppError("NOT_FOUND", "no such system", { userMessage: "notFound" });
    if (system.manual) throw new AppError("CONFLICT", "a manual system has no signing secret", { userMessage: "manualNoSecret" });
    const validUntil = new Date(now.getTime() + ROTATION_OVERLAP_MS);
    // Older secrets still in their overlap keep their own end; the current one gets 24 hours.
    await tx.webhookSecret.updateMany({ where: { systemId, validUntil: null }, data: { validUntil } });
    await tx.webhookSecret.create({ data: { id, systemId, encryptedSecret, createdAt: now } });
    return {
      result: { secret, previousValidUntil: validUntil },
      audit: { action: "system.secret_rotated", target: `ConnectedSystem:${systemId}`, details: { secretId: id } },
    };
  });
}
