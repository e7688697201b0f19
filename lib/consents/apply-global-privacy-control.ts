import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { runChange } from "../changes/run-change";
import type { Locale } from "../i18n/locales";
import { evaluateConsent } from "./evaluate-consent";
import { purposeRuleSelect } from "./load-purpose-for-change";
import { lockPerson } from "./lock-person";
import { resolveEvidenceLocale } from "./resolve-evidence-locale";
import { withdrawPurposes } from "./withdraw-purposes";

/**
 * Honours a Global Privacy Control signal (`Sec-GPC: 1`) as an opt-out of sale and sharing:
 * withdraws (source GPC) every sale/sharing purpose that is granted, pending or, for legitimate
 * interest, not yet objected to. Meant to run on every request that carries the signal: a
 * read-only check answers first, so when nothing is granted there is no transaction, no event
 * and no audit entry. Returns the purpose keys withdrawn.
 */
export async function applyGlobalPrivacyControl({ personId, actor, userAgent, locale, now }: { personId: string; actor: Actor; userAgent?: string; locale?: Locale; now?: Date }) {
  const prisma = await db();
  const purposes = await prisma.purpose.findMany({ where: { isSaleOrSharing: true, currentVersion: { gt: 0 } }, select: purposeRuleSelect });
  if (purposes.length === 0) return { withdrawn: [] as string[] };
  const states = await prisma.consentState.findMany({
    where: { personId, purposeId: { in: purposes.map((p) => p.id) } },
    select: { purposeId: true, status: true, version: true },
  });
  const anything = purposes.some((p) => evaluateConsent(p, states.find((s) => s.purposeId === p.id) ?? null).withdrawable);
  if (!anything) return { withdrawn: [] as string[] };
  return runChange(
    actor,
    async (tx, at) => {
      await lockPerson(tx, personId);
      const evidenceLocale = await resolveEvidenceLocale(tx, personId, locale);
      const { withdrawn, audit, events } = await withdrawPurposes(tx, {
        actor, now: at, personId, where: { isSaleOrSharing: true }, source: "GPC",
        evidence: { locale: evidenceLocale, userAgent: userAgent?.slice(0, 512) },
      });
      return { result: { withdrawn }, audit, events };
    },
    { now },
  );
}
