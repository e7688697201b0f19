import { suppressionHash } from "../suppression/suppression-hash";

/**
 * The Suppression hash of an email address. There is one hash for the whole application, in
 * lib/suppression/suppression-hash.ts (keyed, so the list cannot be read back into addresses);
 * this delegates to it so the erasure, imports and the API always agree.
 */
export function hashSuppressedEmail(email: string): string {
  return suppressionHash(email);
}
