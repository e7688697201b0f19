import { verifyRegistrationResponse, type VerifyRegistrationResponseOpts } from "@simplewebauthn/server";
import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { db } from "../db/client";
import { AppError } from "../errors";
import { log } from "../log";
import { assertPasskeyUser } from "./begin-passkey-registration";
import { consumePasskeyChallenge } from "./consume-passkey-challenge";
import { relyingParty } from "./relying-party";
import { passkeyNameSchema, registrationResponseSchema, signedChallenge } from "./schemas";

const refused = () => new AppError("BAD_REQUEST", "passkey registration refused", { userMessage: "passkeyFailed" });

/**
 * Checks the authenticator's answer against the challenge issued to this user (used up here,
 * whatever the outcome) and stores the passkey under the person's name for it.
 */
export async function finishPasskeyRegistration({ actor, userId, input, now = new Date() }: { actor: Actor; userId: string; input: { name: unknown; response: unknown }; now?: Date }) {
  const name = passkeyNameSchema.safeParse(input.name);
  if (!name.success) throw new AppError("VALIDATION", "bad passkey name", { userMessage: "invalid", fields: { name: name.error.issues[0]!.message } });
  const response = registrationResponseSchema.safeParse(input.response);
  if (!response.success) throw refused();
  const user = await (await db()).user.findUniqueOrThrow({ where: { id: userId }, select: { role: true, personId: true } });
  assertPasskeyUser(user);

  const challenge = signedChallenge(response.data.response.clientDataJSON);
  if (!(await consumePasskeyChallenge({ challenge, purpose: "REGISTER", userId, now }))) throw refused();
  const { rpID, origin } = relyingParty();
  const verification = await verifyRegistrationResponse({
    response: response.data as VerifyRegistrationResponseOpts["response"],
    expectedChallenge: challenge!,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: false,
  }).catch((error: unknown) => {
    log.warn("passkey.registration_invalid", { error: error instanceof Error ? error.message : "unknown" });
    return null;
  });
  const info = verification?.verified ? verification.registrationInfo : undefined;
  if (!info) throw refused();

  const credentialId = Buffer.from(info.credentialID).toString("base64url");
  return runChange(
    actor,
    async (tx) => {
      if (await tx.passkey.findUnique({ where: { credentialId }, select: { id: true } })) throw refused();
      const passkey = await tx.passkey.create({
        data: {
          userId,
          credentialId,
          publicKey: Buffer.from(info.credentialPublicKey),
          counter: BigInt(info.counter),
          transports: response.data.response.transports ?? [],
          name: name.data,
        },
        select: { id: true },
      });
      return { result: { id: passkey.id }, audit: { action: "passkey.added", personId: user.personId, target: `Passkey:${passkey.id}`, details: { userId } } };
    },
    { now },
  );
}
