import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";
import { assertWebhookUrlAllowed } from "./assert-webhook-url-allowed";
import { generateWebhookSecret } from "./generate-webhook-secret";
import { createConnectedSystemSchema } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";

/**
 * Connects a system and generates its signing secret. The secret is returned once, for the
 * admin to copy into the receiver; only its sealed form is stored. A manual system receives no
 * webhooks and gets no secret (null): one is generated if it is ever switched to webhooks.
 */
export async function createConnectedSystem({ actor, input }: { actor: Actor; input: unknown }) {
  const data = parseOrThrow(createConnectedSystemSchema, input, { what: "connected system input" });
  await assertWebhookUrlAllowed(data.webhookUrl);
  const generated = data.manual ? null : generateWebhookSecret();
  return runChange(actor, async (tx, now) => {
    if (await tx.connectedSystem.findUnique({ where: { key: data.key }, select: { id: true } })) {
      throw new AppError("CONFLICT", "system key taken", { fields: { key: "keyTaken" }, userMessage: "invalid" });
    }
    const system = await tx.connectedSystem.create({
      data: { ...data, ...(generated ? { secrets: { create: { id: generated.id, encryptedSecret: generated.encryptedSecret, createdAt: now } } } : {}) },
      select: { id: true, key: true },
    });
    return {
      result: { id: system.id, key: system.key, secret: generated?.secret ?? null },
      audit: {
        action: "system.created",
        target: `ConnectedSystem:${system.id}`,
        details: { key: data.key, kind: data.kind, eventTypes: data.eventTypes, webhook: data.webhookUrl !== null, manual: data.manual },
      },
    };
  });
}
