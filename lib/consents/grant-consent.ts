import { randomBytes } from "node:crypto";
import type { Actor } from "../audit/actor";
import { runChange, type ChangeOutcome } from "../changes/run-change";
import { queuedEmail } from "../email/enqueue-email";
import { AppError } from "../errors";
import { defaultLocale, isLocale } from "../i18n/locales";
import { isEmailSuppressed } from "../requests/is-email-suppressed";
import { assertPurposeGrantable } from "./assert-purpose-grantable";
import { evaluateConsent } from "./evaluate-consent";
import { CONFIRMATION_TTL_MS, hashConfirmationToken } from "./hash-confirmation-token";
import { loadPurposeForChange } from "./load-purpose-for-change";
import { localizePurposeText } from "./localize-purpose-text";
import { lockPerson } from "./lock-person";
import { recordConsentEvent } from "./record-consent-event";
import { consentInput, type GrantConsentInput, grantConsentSchema } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";
import { renderConsentConfirmationEmail } from "./render-consent-confirmation-email";

export interface GrantConsentResult {
  purposeKey: string;
  status: "GRANTED" | "PENDING_CONFIRMATION";
  /** False when nothing was recorded: already permitted, or a pending link was sent again. */
  changed: boolean;
  consentEventId: string | null;
}

/**
 * Grants a purpose at its current version (also renews a grant that a material change made
 * stale). A double opt-in purpose becomes PENDING_CONFIRMATION and a confirmation link is
 * emailed, unless the person already holds a confirmed grant (renewal) or the source is IMPORT
 * (the importing system vouches for its own confirmation). Asking again while pending sends a
 * fresh link and disables the old one. The email is queued in the same transaction, so it goes
 * (retried while the mail server is down) exactly when the pending grant is recorded.
 */
export async function grantConsent({ actor, personId, input, now }: { actor: Actor; personId: string; input: GrantConsentInput | unknown; now?: Date }): Promise<GrantConsentResult> {
  const data = parseOrThrow(grantConsentSchema, input, consentInput);
  const token = randomBytes(32).toString("base64url");
  return runChange<ChangeOutcome<GrantConsentResult>>(
    actor,
    async (tx, at) => {
      await lockPerson(tx, personId);
      const person = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { email: true, preferredLanguage: true } });
      // An erased person's address is suppressed: imports and the API cannot re-add it.
      if ((data.source === "IMPORT" || data.source === "API") && (await isEmailSuppressed(tx, person.email))) {
        throw new AppError("CONFLICT", "address suppressed after erasure", { userMessage: "suppressed" });
      }
      const loaded = await loadPurposeForChange(tx, data.purposeKey);
      assertPurposeGrantable(loaded, data.version);
      const { purpose, version } = loaded;
      const locale = data.locale ?? (isLocale(person.preferredLanguage) ? person.preferredLanguage : defaultLocale);
      const state = await tx.consentState.findUnique({ where: { personId_purposeId: { personId, purposeId: purpose.id } } });
      const base = { purposeKey: purpose.key, consentEventId: null };
      if (evaluateConsent(purpose, state).permitted) return { result: { ...base, status: "GRANTED" as const, changed: false }, audit: [] };

      const needsConfirmation = purpose.requiresDoubleOptIn && data.source !== "IMPORT" && state?.status !== "GRANTED";
      if (!needsConfirmation) {
        const recorded = await recordConsentEvent(tx, {
          actor, now: at, personId, purpose, version, status: "GRANTED", source: data.source,
          evidence: { locale, userAgent: data.userAgent, connectedSystemId: data.connectedSystemId },
        });
        return { result: { ...base, status: "GRANTED" as const, changed: true, consentEventId: recorded.eventId }, audit: recorded.audit, events: [recorded.outbox] };
      }

      if (!person.email) throw new AppError("VALIDATION", "no email for confirmation", { userMessage: "noEmailForConfirmation" });
      const link = { tokenHash: hashConfirmationToken(token), expiresAt: new Date(at.getTime() + CONFIRMATION_TTL_MS) };
      const message = await renderConsentConfirmationEmail({ to: person.email, locale, purposeTitle: localizePurposeText(version.texts, locale).title, token });
      const jobs = [queuedEmail({ ...message, personId })];
      if (state?.status === "PENDING_CONFIRMATION" && state.version === version.version) {
        await tx.consentConfirmation.upsert({
          where: { pendingEventId: state.lastEventId },
          create: { personId, pendingEventId: state.lastEventId, ...link },
          update: { ...link, usedAt: null },
        });
        return {
          result: { ...base, status: "PENDING_CONFIRMATION" as const, changed: false },
          jobs,
          audit: { action: "consent.confirmation_resent", personId, target: `ConsentEvent:${state.lastEventId}`, details: { purposeKey: purpose.key, version: version.version } },
        };
      }
      const recorded = await recordConsentEvent(tx, {
        actor, now: at, personId, purpose, version, status: "PENDING_CONFIRMATION", source: data.source,
        evidence: { locale, userAgent: data.userAgent, connectedSystemId: data.connectedSystemId },
      });
      await tx.consentConfirmation.create({ data: { personId, pendingEventId: recorded.eventId, ...link } });
      return {
        result: { ...base, status: "PENDING_CONFIRMATION" as const, changed: true, consentEventId: recorded.eventId },
        jobs,
        audit: recorded.audit,
        events: [recorded.outbox],
      };
    },
    { now },
  );
}
