import type { Tx } from "../db/types";
import { isSuppressed } from "../suppression/is-suppressed";

/**
 * Whether an erased person's address is on the suppression list: marketing imports and the API
 * must not re-add it (with marketing consent) — see grantConsent. The person signing in again
 * themselves is a fresh start and not refused.
 */
export async function isEmailSuppressed(tx: Tx, email: string | null | undefined): Promise<boolean> {
  if (!email) return false;
  return isSuppressed(email, tx);
}
