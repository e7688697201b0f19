import { randomBytes, randomUUID } from "node:crypto";
import { encryptSecret } from "../crypto/encryption";

/** The sealing context: a sealed secret copied into another row does not open there. */
export const webhookSecretContext = (id: string) => `WebhookSecret:${id}`;

/**
 * A new signing secret in the Standard Webhooks form (whsec_ + base64 of 32 random bytes), with
 * the row id it is sealed for. The plain secret is shown once and never stored.
 */
export function generateWebhookSecret() {
  const id = randomUUID();
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  return { id, secret, encryptedSecret: encryptSecret(secret, webhookSecretContext(id)) };
}
