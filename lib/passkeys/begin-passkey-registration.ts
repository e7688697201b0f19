import { generateRegistrationOptions, type GenerateRegistrationOptionsOpts } from "@simplewebauthn/server";
import { db } from "../db/client";
import { AppError } from "../errors";
import { issuePasskeyChallenge } from "./issue-passkey-challenge";
import { relyingParty } from "./relying-party";

/** Refuses passkeys to staff accounts: back-office access follows the emailed link (or SSO), not a device. */
export function assertPasskeyUser(user: { role: string; personId: string | null }) {
  if (user.role !== "CUSTOMER" || !user.personId) throw new AppError("FORBIDDEN", "passkeys are for customers only", { userMessage: "passkeyStaff" });
}

/**
 * The options for navigator.credentials.create: a discoverable credential (so signing in needs
 * no address), the person's existing passkeys excluded, and a challenge stored for one use.
 */
export async function beginPasskeyRegistration({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const prisma = await db();
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, role: true, personId: true, passkeys: { select: { credentialId: true, transports: true } } } });
  assertPasskeyUser(user);
  const { rpID, rpName } = relyingParty();
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userID: userId,
    userName: user.email,
    attestationType: "none",
    excludeCredentials: user.passkeys.map((p) => ({
      id: Buffer.from(p.credentialId, "base64url"),
      type: "public-key" as const,
      transports: p.transports as NonNullable<GenerateRegistrationOptionsOpts["excludeCredentials"]>[number]["transports"],
    })),
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
  });
  await issuePasskeyChallenge({ challenge: options.challenge, purpose: "REGISTER", userId, now });
  return options;
}
