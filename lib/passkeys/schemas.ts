import { z } from "zod";

/** A challenge lives this long: long enough to touch a security key, short enough not to linger. */
export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60 * 1000;

export const passkeyChallengePurposes = ["REGISTER", "SIGN_IN"] as const;
export type PasskeyChallengePurpose = (typeof passkeyChallengePurposes)[number];

/** The name a person gives a passkey ("Phone", "Chrome on Linux"). */
export const passkeyNameSchema = z.string().trim().min(1, "nameRequired").max(60, "nameTooLong");

const base64url = z.string().min(1).max(4096).regex(/^[A-Za-z0-9_-]+$/);

/** What @simplewebauthn/browser's startRegistration answers, as far as the server relies on its shape. */
export const registrationResponseSchema = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    transports: z.array(z.string().max(32)).max(10).optional(),
  }).loose(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.string().max(32).optional(),
});

/** What startAuthentication answers. */
export const authenticationResponseSchema = z.object({
  id: base64url,
  rawId: base64url,
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: z.string().max(512).optional(),
  }).loose(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.string().max(32).optional(),
});

/** The challenge the browser signed, read from its client data (checked again by the verifier). */
export function signedChallenge(clientDataJSON: string): string | null {
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8")) as { challenge?: unknown };
    return typeof data.challenge === "string" && data.challenge.length <= 512 ? data.challenge : null;
  } catch {
    return null;
  }
}
