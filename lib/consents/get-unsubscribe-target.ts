import { db } from "../db/client";
import { isAppError } from "../errors";
import type { Locale } from "../i18n/locales";
import { resolvePersonId } from "../persons/resolve-person-id";
import { evaluateConsent } from "./evaluate-consent";
import { purposeRuleSelect } from "./load-purpose-for-change";
import { localizePurposeText } from "./localize-purpose-text";
import { readUnsubscribeToken } from "./read-unsubscribe-token";

export type UnsubscribeTarget =
  | { valid: true; purposeKey: string; title: string; /** Already withdrawn: the page says so. */ withdrawn: boolean }
  | { valid: false; reason: "invalid" | "expired" };

/** What the unsubscribe page shows for a token before the person confirms. Writes nothing. */
export async function getUnsubscribeTarget(token: string, locale: Locale, now = new Date()): Promise<UnsubscribeTarget> {
  let target: { personId: string; purposeKey: string };
  try {
    target = await readUnsubscribeToken(token, now);
  } catch (error) {
    if (isAppError(error) && error.code === "GONE") return { valid: false, reason: "expired" };
    return { valid: false, reason: "invalid" };
  }
  const prisma = await db();
  const purpose = await prisma.purpose.findUnique({
    where: { key: target.purposeKey },
    select: { ...purposeRuleSelect, versions: { where: { publishedAt: { not: null } }, orderBy: { version: "desc" }, take: 1, select: { texts: true } } },
  });
  const version = purpose?.versions[0];
  if (!purpose || !version) return { valid: false, reason: "invalid" };
  const state = await prisma.consentState.findUnique({
    // A token minted before a merge speaks for the survivor.
    where: { personId_purposeId: { personId: (await resolvePersonId(target.personId)) ?? target.personId, purposeId: purpose.id } },
    select: { status: true, version: true },
  });
  return {
    valid: true,
    purposeKey: purpose.key,
    title: localizePurposeText(version.texts, locale).title,
    withdrawn: !evaluateConsent(purpose, state).withdrawable,
  };
}
