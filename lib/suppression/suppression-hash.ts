import { createHmac, hkdfSync } from "node:crypto";
import { getConfig } from "../config";

/** Trimmed and lower-cased: the same address however it was typed. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * HMAC-SHA256 of the normalised address under a key derived from AUTH_SECRET: the same address
 * always matches, but the list cannot be read back into addresses without the secret.
 */
export function suppressionHash(email: string): string {
  const secret = getConfig().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not configured");
  const key = Buffer.from(hkdfSync("sha256", secret, "omadata", "suppression:v1", 32));
  return createHmac("sha256", key).update(normaliseEmail(email)).digest("hex");
}
