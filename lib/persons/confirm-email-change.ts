import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";
import { assertPersonWritable } from "./assert-person-writable";
import { hashToken } from "./request-email-change";

/**
 * Applies an email change when the new address follows its link: once, before it expires, and
 * only if the address is still free. The sign-in address changes with it.
 */
export async function confirmEmailChange({ token }: { token: string }) {
  const actor: Actor = { kind: "PERSON", id: null };
  return runChange(actor, async (tx, now) => {
    const request = await tx.emailChangeRequest.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!request || request.usedAt || request.expiresAt <= now) throw new AppError("GONE", "link used or expired", { userMessage: "linkInvalid" });
    await tx.emailChangeRequest.update({ where: { id: request.id }, data: { usedAt: now } });
    const { personId, newEmail } = request;
    await assertPersonWritable(tx, personId);
    const taken = await tx.person.findFirst({ where: { email: newEmail, id: { not: personId } }, select: { id: true } });
    const takenByUser = await tx.user.findFirst({ where: { email: newEmail, personId: { not: personId } }, select: { id: true } });
    if (taken || takenByUser) throw new AppError("CONFLICT", "email in use", { userMessage: "emailUnavailable" });

    await tx.person.update({ where: { id: personId }, data: { email: newEmail, emailVerifiedAt: now } });
    await tx.user.updateMany({ where: { personId }, data: { email: newEmail, emailVerified: now } });
    await tx.personFieldChange.create({ data: { personId, field: "email", source: "PERSON", changedAt: now } });
    return {
      result: { personId },
      audit: { action: "person.updated", personId, target: `Person:${personId}`, details: { fields: ["email"], source: "PERSON" } },
      events: [{ type: "person.updated", personId, data: { changedFields: ["email"], values: { email: newEmail }, source: "PERSON" } }],
    };
  });
}
