import { createHmac } from "node:crypto";

const PREFIX = "whsec_";
const keyOf = (secret: string) => Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");

/**
 * The Standard Webhooks headers for one try: `webhook-id` stays the same across retries so
 * receivers can de-duplicate; the timestamp is the try's own, so receivers can refuse replays.
 * The signature is v1: base64 HMAC-SHA256 of "id.timestamp.body" with the decoded secret, as
 * the standardwebhooks package signs and verifies it (node:crypto's HMAC costs far less than
 * that package's pure-JS one, which took most of a busy worker's time).
 */
export function signWebhook({ webhookId, body, secrets, at }: { webhookId: string; body: string; secrets: string[]; at: Date }) {
  if (secrets.length === 0) throw new Error("no signing secret");
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signed = `${webhookId}.${timestamp}.${body}`;
  const signature = secrets.map((secret) => `v1,${createHmac("sha256", keyOf(secret)).update(signed).digest("base64")}`).join(" ");
  return {
    "webhook-id": webhookId,
    "webhook-timestamp": timestamp,
    "webhook-signature": signature,
  };
}
