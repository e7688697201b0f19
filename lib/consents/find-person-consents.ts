import { db } from "../db/client";
import type { ConsentSource, LegalBasis, PurposeChannel } from "../db/generated/enums";
import type { Locale } from "../i18n/locales";
import { evaluateConsent, type ConsentEvaluation } from "./evaluate-consent";
import { hashShownText } from "./hash-shown-text";
import { localizePurposeText } from "./localize-purpose-text";

export interface PersonConsent extends ConsentEvaluation {
  purposeKey: string;
  channel: PurposeChannel;
  legalBasis: LegalBasis;
  isSaleOrSharing: boolean;
  requiresDoubleOptIn: boolean;
  /** The current version and its text in the asked language (Finnish if missing). */
  version: number;
  title: string;
  description: string;
  textLocale: Locale;
  /** Hash of exactly this text, recorded with a grant as evidence. */
  textHash: string;
  /** The version the person last acted on, when, and through which channel. */
  stateVersion: number | null;
  stateSource: ConsentSource | null;
  updatedAt: Date | null;
}

/**
 * The person's consent page: every live (published, not retired) purpose with its current
 * localised text and what the person's state means (status, permitted, needsRenewal).
 */
export async function findPersonConsents({ personId, locale }: { personId: string; locale: Locale }): Promise<PersonConsent[]> {
  const prisma = await db();
  const subject = await prisma.person.findUnique({ where: { id: personId }, select: { restrictedAt: true, erasedAt: true } });
  const purposes = await prisma.purpose.findMany({
    where: { retiredAt: null, currentVersion: { gt: 0 } },
    orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
    select: {
      id: true, key: true, channel: true, legalBasis: true, isSaleOrSharing: true, requiresDoubleOptIn: true,
      currentVersion: true, renewalFromVersion: true, retiredAt: true,
      versions: { where: { publishedAt: { not: null } }, orderBy: { version: "desc" }, take: 1, select: { version: true, texts: true } },
      states: { where: { personId }, select: { status: true, version: true, source: true, updatedAt: true } },
    },
  });
  return purposes.flatMap((purpose) => {
    const current = purpose.versions[0];
    if (!current) return [];
    const state = purpose.states[0] ?? null;
    const text = localizePurposeText(current.texts, locale);
    return [{
      purposeKey: purpose.key,
      channel: purpose.channel,
      legalBasis: purpose.legalBasis,
      isSaleOrSharing: purpose.isSaleOrSharing,
      requiresDoubleOptIn: purpose.requiresDoubleOptIn,
      version: current.version,
      title: text.title,
      description: text.description,
      textLocale: text.locale,
      textHash: hashShownText({ purposeKey: purpose.key, version: current.version, locale: text.locale, title: text.title, description: text.description }),
      ...evaluateConsent(purpose, state, subject),
      stateVersion: state?.version ?? null,
      stateSource: state?.source ?? null,
      updatedAt: state?.updatedAt ?? null,
    }];
  });
}
