import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "../audit/actor";
import { runChange } from "../db/run-change";
import { AppError } from "../errors";
import { assertPersonWritable } from "./assert-person-writable";
import { emailChangeSchema } from "./schemas";

export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000;
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Starts an email change: the new address must confirm before it applies. An address that
 * belongs to someone else is refused with the same neutral answer whoever holds it.
 * Returns the token for the confirmation link (only its hash is stored) and both addresses.
 */
export async function requestEmailChange({ actor, personId, input }: { actor: Actor; personId: string; input: unknown }) {
  const parsed = emailChangeSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "invalid email", { fields: { newEmail: "emailInvalid" } });
  const { newEmail } = parsed.data;
  const token = randomBytes(32).toString("base64url");
  return runChange(actor, async (tx, now) => {
    await assertPersonWritable(tx, personId);
    const person = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { email: true } });
    if (person.email === newEmail) throw new AppError("VALIDATION", "same email", { fields: { newEmail: "emailUnchanged" } });
    const [personWithEmail, userWithEmail] = await Promise.all([
      tx.person.findUnique({ where: { email: newEmail }, select: { id: true } }),
      tx.user.findUnique({ where: { email: newEmail }, select: { personId: true } }),
    ]);
    if ((personWithEmail && personWithEmail.id !== personId) || (userWithEmail && userWithEmail.personId !== personId)) {
      throw new AppError("CONFLICT", "email in use", { fields: { newEmail: "emailUnavailable" } });
    }
    // A newer request replaces any pending one.
    await tx.emailChangeRequest.updateMany({ where: { personId, usedAt: null }, data: { usedAt: now } });
    const request = await tx.emailChangeRequest.create({
      data: { personId, newEmail, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + EMAIL_CHANGE_TTL_MS) },
      select: { id: true },
    });
    return {
      result: { token, newEmail, oldEmail: person.email, requestId: request.id },
      audit: { action: "person.email_change_requested", personId, target: `EmailChangeRequest:${request.id}` },
    };
  });
}
