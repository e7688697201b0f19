import { createHmac, hkdfSync } from "node:crypto";
import { getConfig } from "../config";

/** Case, spacing and Unicode form do not make two searches different. */
export const normaliseSearchQuery = (q: string) => q.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

/**
 * HMAC-SHA256 of the normalised query under a key derived from AUTH_SECRET: the audit trail can
 * show that one staff member searched the same thing again (or that two did), but the query,
 * which is personal data (a name, an address), cannot be read back from it without the secret.
 */
export function hashSearchQuery(q: string): string {
  const secret = getConfig().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not configured");
  const key = Buffer.from(hkdfSync("sha256", secret, "omadata", "search-query:v1", 32));
  return createHmac("sha256", key).update(normaliseSearchQuery(q)).digest("hex");
}
