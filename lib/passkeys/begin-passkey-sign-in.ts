import { createHmac } from "node:crypto";
import { generateAuthenticationOptions } from "@simplewebauthn/server";
import { getConfig } from "../config";
import { consumeRateLimit } from "../rate-limit/consume-rate-limit";
import { issuePasskeyChallenge } from "./issue-passkey-challenge";
import { relyingParty } from "./relying-party";

export type BeginPasskeySignInResult =
  | { status: "ok"; options: Awaited<ReturnType<typeof generateAuthenticationOptions>> }
  | { status: "rate_limited"; retryAfterSeconds: number };

/**
 * The options for navigator.credentials.get: no address asked (the browser offers the site's
 * passkeys), a challenge stored for one use. Each attempt counts against the same per-address
 * (IP) limit as sign-in links, so passkey attempts cannot be hammered either.
 */
export async function beginPasskeySignIn({ ip, now = new Date() }: { ip: string | null; now?: Date }): Promise<BeginPasskeySignInResult> {
  const config = getConfig();
  if (ip) {
    const key = `passkey:ip:${createHmac("sha256", config.AUTH_SECRET!).update(ip).digest("hex").slice(0, 32)}`;
    const limit = await consumeRateLimit({ key, limit: config.SIGNIN_LIMIT_PER_IP, windowSeconds: config.SIGNIN_LIMIT_WINDOW_SECONDS }, now);
    if (!limit.allowed) return { status: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  }
  const options = await generateAuthenticationOptions({ rpID: relyingParty().rpID, userVerification: "preferred" });
  await issuePasskeyChallenge({ challenge: options.challenge, purpose: "SIGN_IN", now });
  return { status: "ok", options };
}
