import { getConfig } from "../config";
import { AppError } from "../errors";
import { checkOutboundUrl, type Lookup } from "./check-outbound-address";

/** Refuses, as a form error, a webhook URL the worker would refuse to call. */
export async function assertWebhookUrlAllowed(url: string | null, lookup?: Lookup): Promise<void> {
  if (!url) return;
  try {
    await checkOutboundUrl(url, { allowPrivate: getConfig().WEBHOOK_ALLOW_PRIVATE_NETWORKS, lookup });
  } catch {
    throw new AppError("VALIDATION", "webhook URL refused", { fields: { webhookUrl: "urlRefused" }, userMessage: "invalid" });
  }
}
