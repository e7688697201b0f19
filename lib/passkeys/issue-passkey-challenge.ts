import { db } from "../db/client";
import { PASSKEY_CHALLENGE_TTL_MS, type PasskeyChallengePurpose } from "./schemas";

/**
 * Stores a challenge the server generated, so that only a response to it is accepted, once, and
 * only until it expires. Expired challenges are swept on the way.
 */
export async function issuePasskeyChallenge({ challenge, purpose, userId = null, now = new Date() }: { challenge: string; purpose: PasskeyChallengePurpose; userId?: string | null; now?: Date }) {
  const prisma = await db();
  await prisma.passkeyChallenge.deleteMany({ where: { expiresAt: { lte: now } } });
  await prisma.passkeyChallenge.create({ data: { challenge, purpose, userId, expiresAt: new Date(now.getTime() + PASSKEY_CHALLENGE_TTL_MS) } });
}
