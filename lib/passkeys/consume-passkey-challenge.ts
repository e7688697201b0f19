import { db } from "../db/client";
import type { PasskeyChallengePurpose } from "./schemas";

/**
 * Takes a challenge for one use: true only if it was issued for this purpose (and user), has not
 * expired and was not used before. The delete is the claim, so two concurrent answers cannot both
 * succeed.
 */
export async function consumePasskeyChallenge({ challenge, purpose, userId = null, now = new Date() }: { challenge: string | null; purpose: PasskeyChallengePurpose; userId?: string | null; now?: Date }) {
  if (!challenge) return false;
  const { count } = await (await db()).passkeyChallenge.deleteMany({ where: { challenge, purpose, userId, expiresAt: { gt: now } } });
  return count === 1;
}
