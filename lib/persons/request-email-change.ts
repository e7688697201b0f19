import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { queuedEmail } from "../email/enqueue-email";
import { AppError } from "../errors";
import { consumeRateLimit } from "../rate-limit/consume-rate-limit";
import { parseOrThrow } from "../validation/parse-or-throw";
import { assertPersonWritable } from "./assert-person-writable";
import { renderEmailChangeEmails } from "./render-email-change-emails";
import { emailChangeSchema } from "./schemas";

export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000;
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
/** Each request mails two addresses, one of them chosen by the requester: a few an hour is plenty. */
export const EMAIL_CHANGE_LIMIT = { limit: 3, windowSeconds: 60 * 60 };

/**
 * Starts an email change: the new address must confirm before it applies. The answer is the
 * same whether or not the new address is taken (no account enumeration): when it belongs to
 * someone else, no link is made (token null) and its owner gets a notice instead, in their
 * language. The emails are queued with the change. Returns the token of the confirmation link
 * (only its hash is stored) and both addresses. Limited per person, as every request sends mail.
 */
export async function requestEmailChange({ actor, personId, input }: { actor: Actor; personId: string; input: unknown }) {
  const { newEmail } = parseOrThrow(emailChangeSchema, input, { what: "email" });
  const limited = await consumeRateLimit({ key: `email-change:person:${personId}`, ...EMAIL_CHANGE_LIMIT });
  if (!limited.allowed) throw new AppError("RATE_LIMITED", "email change rate limited", { userMessage: "rateLimited" });
  const token = randomBytes(32).toString("base64url");
  return runChange(actor, async (tx, now) => {
    await assertPersonWritable(tx, personId);
    const person = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { email: true, preferredLanguage: true } });
    if (person.email === newEmail) throw new AppError("VALIDATION", "same email", { fields: { newEmail: "emailUnchanged" } });
    const [personWithEmail, userWithEmail] = await Promise.all([
      tx.person.findUnique({ where: { email: newEmail }, select: { id: true } }),
      tx.user.findUnique({ where: { email: newEmail }, select: { personId: true } }),
    ]);
    const taken = Boolean((personWithEmail && personWithEmail.id !== personId) || (userWithEmail && userWithEmail.personId !== personId));
    const ownerId = personWithEmail?.id ?? userWithEmail?.personId;
    const owner = taken && ownerId ? await tx.person.findUnique({ where: { id: ownerId }, select: { preferredLanguage: true } }) : null;
    // A newer request replaces any pending one. For a taken address the request is recorded
    // already used, so the records (and the person's own export) look the same either way.
    await tx.emailChangeRequest.updateMany({ where: { personId, usedAt: null }, data: { usedAt: now } });
    const request = await tx.emailChangeRequest.create({
      data: { personId, newEmail, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + EMAIL_CHANGE_TTL_MS), usedAt: taken ? now : null },
      select: { id: true },
    });
    const result = { token: taken ? null : token, newEmail, oldEmail: person.email, requestId: request.id, takenByLanguage: owner?.preferredLanguage ?? null };
    const emails = await renderEmailChangeEmails({ ...result, language: person.preferredLanguage });
    return {
      result,
      // The notice to the owner of a taken address carries their address: their erasure deletes it.
      jobs: emails.map(({ toOwner, ...message }) => queuedEmail({ ...message, personId: toOwner ? (ownerId ?? null) : personId })),
      audit: { action: "person.email_change_requested", personId, target: `EmailChangeRequest:${request.id}` },
    };
  });
}
