import { db } from "../db/client";
import { AppError } from "../errors";

/**
 * Refuses an unsubscribe link for a purpose no message can be sent under, before any token is
 * signed: an unknown or never published purpose (NOT_FOUND; the link would lead nowhere) or a
 * retired one (VALIDATION: no marketing goes out under it any more).
 */
export async function assertPurposeUnsubscribable(purposeKey: string): Promise<void> {
  const purpose = await (await db()).purpose.findUnique({ where: { key: purposeKey }, select: { currentVersion: true, retiredAt: true } });
  if (!purpose || purpose.currentVersion === 0) {
    throw new AppError("NOT_FOUND", "no such purpose", { userMessage: "purposeNotFound", fields: { purposeKey: "purposeNotFound" } });
  }
  if (purpose.retiredAt) throw new AppError("VALIDATION", "the purpose is retired", { userMessage: "purposeRetired", fields: { purposeKey: "purposeRetired" } });
}
