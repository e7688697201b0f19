import { verifyAuthenticationResponse, type VerifyAuthenticationResponseOpts } from "@simplewebauthn/server";
import { getConfig } from "../config";
import { runChange } from "../changes/run-change";
import { db } from "../db/client";
import { AppError } from "../errors";
import { log } from "../log";
import { createSession } from "../sessions/create-session";
import { consumePasskeyChallenge } from "./consume-passkey-challenge";
import { relyingParty } from "./relying-party";
import { authenticationResponseSchema, signedChallenge } from "./schemas";

// One answer for every refusal: it does not tell whether a credential exists or whose it is.
const refused = () => new AppError("UNAUTHENTICATED", "passkey sign-in refused", { userMessage: "passkeyFailed" });

/**
 * Signs a person in with a passkey: the answer must sign a challenge issued for sign-in (used up
 * here), with a stored customer's passkey and a counter that moved on. Starts a database session
 * like an emailed link does (so the sign-in is recent for sensitive changes) and audits it.
 */
export async function finishPasskeySignIn({ input, ipHash = null, userAgent = null, now = new Date() }: { input: unknown; ipHash?: string | null; userAgent?: string | null; now?: Date }) {
  const response = authenticationResponseSchema.safeParse(input);
  if (!response.success) throw refused();
  const challenge = signedChallenge(response.data.response.clientDataJSON);
  if (!(await consumePasskeyChallenge({ challenge, purpose: "SIGN_IN", now }))) throw refused();

  const passkey = await (await db()).passkey.findUnique({
    where: { credentialId: response.data.id },
    select: { id: true, userId: true, publicKey: true, counter: true, transports: true, user: { select: { email: true, role: true, personId: true } } },
  });
  // Staff sign in by link (or SSO) only: also a customer made staff after adding a passkey.
  const staff = passkey && (passkey.user.role !== "CUSTOMER" || !passkey.user.personId || getConfig().ADMIN_EMAILS.includes(passkey.user.email.toLowerCase()));
  if (!passkey || staff) {
    log.warn("passkey.sign_in_refused", { reason: passkey ? "staff" : "unknown_credential" });
    throw refused();
  }
  const { rpID, origin } = relyingParty();
  const verification = await verifyAuthenticationResponse({
    response: response.data as VerifyAuthenticationResponseOpts["response"],
    expectedChallenge: challenge!,
    expectedOrigin: origin,
    expectedRPID: rpID,
    authenticator: {
      credentialID: Buffer.from(response.data.id, "base64url"),
      credentialPublicKey: new Uint8Array(passkey.publicKey),
      counter: Number(passkey.counter),
      transports: passkey.transports as VerifyAuthenticationResponseOpts["authenticator"]["transports"],
    },
    requireUserVerification: false,
  }).catch((error: unknown) => {
    log.warn("passkey.sign_in_invalid", { passkeyId: passkey.id, error: error instanceof Error ? error.message : "unknown" });
    return null;
  });
  if (!verification?.verified) throw refused();

  const { userId, user } = passkey;
  return runChange(
    { kind: "PERSON", id: userId, ipHash },
    async (tx, at) => {
      // Conditional on the counter read above, so a replayed answer racing this one cannot both win.
      const { count } = await tx.passkey.updateMany({
        where: { id: passkey.id, counter: passkey.counter },
        data: { counter: BigInt(verification.authenticationInfo.newCounter), lastUsedAt: at },
      });
      if (count !== 1) throw refused();
      const session = await createSession(tx, { userId, userAgent, now: at });
      return {
        result: session,
        audit: { action: "auth.signed_in", personId: user.personId, target: `User:${userId}`, details: { method: "passkey", passkeyId: passkey.id } },
      };
    },
    { now },
  );
}
