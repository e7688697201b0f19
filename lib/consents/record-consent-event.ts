import type { Actor } from "../audit/actor";
import type { AuditInput } from "../audit/append-audit-entry";
import type { ConsentSource, ConsentStatus } from "../db/generated/enums";
import type { Tx } from "../db/types";
import type { Locale } from "../i18n/locales";
import type { OutboxInput } from "../propagation/record-outbox-event";
import { evaluateConsent, type PurposeRules } from "./evaluate-consent";
import { hashShownText } from "./hash-shown-text";
import { localizePurposeText } from "./localize-purpose-text";

export interface ConsentEvidence {
  locale: Locale;
  userAgent?: string | null;
  connectedSystemId?: string | null;
}

export interface RecordConsentEventInput {
  actor: Actor;
  now: Date;
  personId: string;
  purpose: PurposeRules & { id: string; key: string };
  version: { id: string; version: number; texts: unknown };
  status: ConsentStatus;
  source: ConsentSource;
  evidence: ConsentEvidence;
}

/**
 * Appends one ConsentEvent and moves the person's ConsentState to it, inside the caller's change
 * transaction; returns the audit entry and the `consent.updated` outbox event for runChange.
 * The caller holds the person's lock (lockPerson) and has decided that the change is real.
 */
export async function recordConsentEvent(tx: Tx, input: RecordConsentEventInput) {
  const { actor, now, personId, purpose, version, status, source, evidence } = input;
  const shown = localizePurposeText(version.texts, evidence.locale);
  const event = await tx.consentEvent.create({
    data: {
      personId,
      purposeId: purpose.id,
      purposeVersionId: version.id,
      status,
      source,
      connectedSystemId: evidence.connectedSystemId ?? null,
      actorKind: actor.kind,
      actorId: actor.id,
      occurredAt: now,
      ipHash: actor.ipHash ?? null,
      userAgent: evidence.userAgent?.slice(0, 512) ?? null,
      locale: evidence.locale,
      textHash: hashShownText({ purposeKey: purpose.key, version: version.version, locale: shown.locale, title: shown.title, description: shown.description }),
    },
    select: { id: true },
  });
  const state = { purposeVersionId: version.id, version: version.version, status, source, lastEventId: event.id, updatedAt: now };
  await tx.consentState.upsert({
    where: { personId_purposeId: { personId, purposeId: purpose.id } },
    create: { personId, purposeId: purpose.id, ...state },
    update: state,
  });
  const { permitted } = evaluateConsent(purpose, { status, version: version.version });
  const details = { purposeKey: purpose.key, version: version.version, status, source, consentEventId: event.id };
  const audit: AuditInput = {
    action: `consent.${status.toLowerCase()}`,
    personId,
    target: `ConsentEvent:${event.id}`,
    details: { ...details, ...(evidence.connectedSystemId ? { connectedSystemId: evidence.connectedSystemId } : {}) },
  };
  const outbox: OutboxInput = { type: "consent.updated", personId, data: { ...details, permitted } };
  return { eventId: event.id, audit, outbox };
}
