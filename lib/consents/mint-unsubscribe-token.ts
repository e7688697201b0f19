import { SignJWT } from "jose";
import { AppError } from "../errors";
import { parseOrThrow } from "../validation/parse-or-throw";
import { consentInput, mintUnsubscribeTokenSchema } from "./schemas";
import { UNSUBSCRIBE_AUDIENCE, unsubscribeTokenKey } from "./unsubscribe-token-key";

/**
 * A one-click unsubscribe token for a marketing message (List-Unsubscribe, RFC 8058): signed
 * (HS256), expiring, bound to one person and one purpose. It can only withdraw that purpose.
 * Nothing is stored: the signature is the proof, so minting one per message is free.
 */
export async function mintUnsubscribeToken(input: { personId: string; purposeKey: string; expiresAt: Date }, now = new Date()): Promise<string> {
  const { personId, purposeKey, expiresAt } = parseOrThrow(mintUnsubscribeTokenSchema, input, consentInput);
  if (expiresAt <= now) throw new AppError("VALIDATION", "expiry in the past", { fields: { expiresAt: "expiryInPast" } });
  return new SignJWT({ pur: purposeKey })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(personId)
    .setAudience(UNSUBSCRIBE_AUDIENCE)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(unsubscribeTokenKey());
}
