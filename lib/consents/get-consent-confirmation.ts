import { db } from "../db/client";
import type { Locale } from "../i18n/locales";
import { hashConfirmationToken } from "./hash-confirmation-token";
import { localizePurposeText } from "./localize-purpose-text";

export type ConsentConfirmationView =
  | { state: "pending" | "confirmed" | "expired"; purposeKey: string; title: string }
  | { state: "invalid" };

/** What the confirmation page shows before the person presses "Confirm". Writes nothing. */
export async function getConsentConfirmation(token: string, locale: Locale, now = new Date()): Promise<ConsentConfirmationView> {
  if (typeof token !== "string" || token.length < 20 || token.length > 200) return { state: "invalid" };
  const prisma = await db();
  const link = await prisma.consentConfirmation.findUnique({
    where: { tokenHash: hashConfirmationToken(token) },
    select: { personId: true, pendingEventId: true, expiresAt: true, usedAt: true, pendingEvent: { select: { purposeId: true, purpose: { select: { key: true } }, purposeVersion: { select: { texts: true } } } } },
  });
  if (!link) return { state: "invalid" };
  const base = { purposeKey: link.pendingEvent.purpose.key, title: localizePurposeText(link.pendingEvent.purposeVersion.texts, locale).title };
  if (link.usedAt) return { state: "confirmed", ...base };
  const current = await prisma.consentState.findUnique({
    where: { personId_purposeId: { personId: link.personId, purposeId: link.pendingEvent.purposeId } },
    select: { lastEventId: true },
  });
  if (link.expiresAt <= now || current?.lastEventId !== link.pendingEventId) return { state: "expired", ...base };
  return { state: "pending", ...base };
}
