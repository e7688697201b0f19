import { Webhook } from "standardwebhooks";

/**
 * The Standard Webhooks headers for one try: `webhook-id` stays the same across retries so
 * receivers can de-duplicate; the timestamp is the try's own, so receivers can refuse replays.
 */
export function signWebhook({ webhookId, body, secrets, at }: { webhookId: string; body: string; secrets: string[]; at: Date }) {
  if (secrets.length === 0) throw new Error("no signing secret");
  const signature = secrets.map((secret) => new Webhook(secret).sign(webhookId, at, body)).join(" ");
  return {
    "webhook-id": webhookId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signature,
  };
}
