import { hkdfSync } from "node:crypto";
import { getConfig } from "../config";

export const UNSUBSCRIBE_AUDIENCE = "omadata:unsubscribe";

/** A key of its own, derived from AUTH_SECRET, so an unsubscribe token can never pass as anything else. */
export function unsubscribeTokenKey(): Uint8Array {
  const secret = getConfig().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not configured");
  return new Uint8Array(hkdfSync("sha256", secret, "omadata", "unsubscribe-token:v1", 32));
}
