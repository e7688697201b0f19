import type { Actor } from "../audit/actor";
import { runChange, type ChangeOutcome } from "../changes/run-change";
import { AppError } from "../errors";
import { isLocale, defaultLocale } from "../i18n/locales";
import { hashConfirmationToken } from "./hash-confirmation-token";
import { purposeRuleSelect } from "./load-purpose-for-change";
import { lockPerson } from "./lock-person";
import { recordConsentEvent } from "./record-consent-event";

export interface ConfirmConsentResult {
  purposeKey: string;
  /** "already_confirmed": the link was used before; nothing was written this time. */
  status: "confirmed" | "already_confirmed";
  consentEventId: string | null;
}

const anonymous: Actor = { kind: "ANONYMOUS", id: null };

/**
 * Confirms a double opt-in grant from its emailed link: once. The grant becomes GRANTED for the
 * version the person asked for, with the pending grant's source. A used link answers
 * "already_confirmed" without writing; an unknown link is NOT_FOUND; an expired link, or one
 * whose grant was withdrawn or asked for again since, is GONE. The page should confirm on a
 * button press (POST), not on opening the link: mail scanners open links.
 */
export async function confirmConsent({ token, actor = anonymous, userAgent, now }: { token: string; actor?: Actor; userAgent?: string; now?: Date }): Promise<ConfirmConsentResult> {
  if (typeof token !== "string" || token.length < 20 || token.length > 200) {
    throw new AppError("NOT_FOUND", "confirmation not found", { userMessage: "confirmationNotFound" });
  }
  const tokenHash = hashConfirmationToken(token);
  return runChange<ChangeOutcome<ConfirmConsentResult>>(
    actor,
    async (tx, at) => {
      const found = await tx.consentConfirmation.findUnique({ where: { tokenHash }, select: { personId: true } });
      if (!found) throw new AppError("NOT_FOUND", "confirmation not found", { userMessage: "confirmationNotFound" });
      await lockPerson(tx, found.personId);
      // Read again under the person's lock: a parallel click may have used it meanwhile.
      const link = await tx.consentConfirmation.findUniqueOrThrow({
        where: { tokenHash },
        select: {
          id: true, personId: true, pendingEventId: true, expiresAt: true, usedAt: true,
          pendingEvent: { select: { source: true, locale: true, connectedSystemId: true, purpose: { select: purposeRuleSelect }, purposeVersion: { select: { id: true, version: true, texts: true } } } },
        },
      });
      const { purpose, purposeVersion, source, locale, connectedSystemId } = link.pendingEvent;
      if (link.usedAt) return { result: { purposeKey: purpose.key, status: "already_confirmed" as const, consentEventId: null }, audit: [] };
      if (link.expiresAt <= at) throw new AppError("GONE", "confirmation expired", { userMessage: "confirmationExpired" });
      const state = await tx.consentState.findUnique({
        where: { personId_purposeId: { personId: link.personId, purposeId: purpose.id } },
        select: { lastEventId: true, status: true },
      });
      if (purpose.retiredAt || state?.status !== "PENDING_CONFIRMATION" || state.lastEventId !== link.pendingEventId) {
        throw new AppError("GONE", "confirmation superseded", { userMessage: "confirmationExpired" });
      }
      await tx.consentConfirmation.update({ where: { id: link.id }, data: { usedAt: at } });
      const recorded = await recordConsentEvent(tx, {
        actor, now: at, personId: link.personId, purpose, version: purposeVersion, status: "GRANTED", source,
        evidence: { locale: isLocale(locale) ? locale : defaultLocale, userAgent, connectedSystemId },
      });
      return {
        result: { purposeKey: purpose.key, status: "confirmed" as const, consentEventId: recorded.eventId },
        audit: recorded.audit,
        events: [recorded.outbox],
      };
    },
    { now },
  );
}
