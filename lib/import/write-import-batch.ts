import type { Actor } from "../audit/actor";
import type { AuditInput } from "../audit/append-audit-entry";
import { evaluateConsent } from "../consents/evaluate-consent";
import { hashShownText } from "../consents/hash-shown-text";
import { localizePurposeText } from "../consents/localize-purpose-text";
import type { ConsentStatus } from "../db/generated/enums";
import { generateUuid7 } from "../db/generate-uuid7";
import { insertRows, type ColumnType } from "../db/insert-rows";
import type { Tx } from "../db/types";
import { defaultLocale, isLocale } from "../i18n/locales";
import { recordOutboxEvents, type OutboxInput } from "../propagation/record-outbox-event";
import type { ImportBatchJob } from "./apply-import-batch";
import type { ImportPurpose } from "./load-import-purposes";
import type { TargetField } from "./load-import-targets";

/** A person as one batch of the import leaves it. */
export interface PlannedPerson {
  id: string;
  isNew: boolean;
  /** A new person's creation time from the file (createdAt), else the import's time. */
  createdAt: Date | null;
  values: Record<TargetField, string | null>;
  /** The fields the import set, with their provenance time. */
  changed: Map<TargetField, Date>;
  /** External ids of the job's system to add. */
  links: string[];
  /** Current consent state per purpose key, as this batch leaves it. */
  states: Map<string, { status: ConsentStatus; version: number }>;
  storedStates: Set<string>;
  events: { purposeKey: string; status: ConsentStatus; eventId: string }[];
  /** Organisation id → the membership as this batch leaves it. */
  memberships: Map<string, { role: string; isNew: boolean; roleChanged: boolean }>;
  /** Existing persons this new one resembles: other person id → what they share, and the file's line. */
  duplicates: Map<string, { reasons: Set<string>; line: number }>;
}

const PERSON_COLUMNS = {
  email: "text", phone: "text", givenName: "text", familyName: "text", streetAddress: "text", postalCode: "text", city: "text", country: "text", preferredLanguage: "text", birthDate: "date",
} as const satisfies Record<TargetField, ColumnType>;
const CONSENT_EVENT_COLUMNS = {
  id: "text", personId: "text", purposeId: "text", purposeVersionId: "text", status: "enum:ConsentStatus", source: "enum:ConsentSource", connectedSystemId: "text",
  actorKind: "text", actorId: "text", occurredAt: "timestamp", ipHash: "text", locale: "text", textHash: "text",
} as const;

/**
 * Writes what applyImportBatch planned with a few bulk statements (organisations, persons, field
 * provenance, external ids, memberships, duplicate candidates, consent events and states), records
 * the outbox events, and answers the audit entries.
 */
export async function writeImportBatch(
  tx: Tx,
  persons: PlannedPerson[],
  organisations: { id: string; businessId: string; name: string }[],
  { job, actor, purposes, now }: { job: ImportBatchJob; actor: Actor; purposes: Map<string, ImportPurpose>; now: Date },
): Promise<AuditInput[]> {
  const stamp = (row: Record<string, unknown>) => ({ id: generateUuid7(now.getTime()), ...row });
  await insertRows(tx, "Organization", { id: "text", name: "text", businessId: "text", createdAt: "timestamp", updatedAt: "timestamp" }, organisations.map((o) => ({ ...o, createdAt: now, updatedAt: now })));
  const created = persons.filter((p) => p.isNew);
  await insertRows(tx, "Person", { id: "text", ...PERSON_COLUMNS, createdAt: "timestamp", updatedAt: "timestamp" }, created.map((p) => ({ id: p.id, ...p.values, createdAt: p.createdAt ?? now, updatedAt: now })));
  for (const p of persons.filter((p) => !p.isNew && p.changed.size)) {
    const values = Object.fromEntries([...p.changed.keys()].map((f) => [f, f === "birthDate" ? new Date(`${p.values[f]}T00:00:00Z`) : p.values[f]]));
    await tx.person.update({ where: { id: p.id }, data: values });
  }
  await insertRows(
    tx,
    "PersonFieldChange",
    { id: "text", personId: "text", field: "text", source: "enum:DataSource", system: "text", actorId: "text", changedAt: "timestamp" },
    persons.flatMap((p) => [...p.changed].map(([field, at]) => stamp({ personId: p.id, field, source: "IMPORT", system: job.system, actorId: actor.kind === "STAFF" ? actor.id : null, changedAt: at }))),
  );
  await insertRows(
    tx,
    "ExternalIdentity",
    { id: "text", personId: "text", system: "text", externalId: "text", linkedAt: "timestamp" },
    persons.flatMap((p) => p.links.map((externalId) => stamp({ personId: p.id, system: job.system, externalId, linkedAt: now }))),
  );
  await insertRows(
    tx,
    "Membership",
    { id: "text", personId: "text", organizationId: "text", role: "text", createdAt: "timestamp" },
    persons.flatMap((p) => [...p.memberships].filter(([, m]) => m.isNew).map(([organizationId, m]) => stamp({ personId: p.id, organizationId, role: m.role, createdAt: now }))),
  );
  for (const p of persons) {
    for (const [organizationId, m] of p.memberships) {
      if (m.roleChanged) await tx.membership.update({ where: { personId_organizationId: { personId: p.id, organizationId } }, data: { role: m.role } });
    }
  }
  const candidates = persons.flatMap((p) => [...p.duplicates].map(([otherPersonId, d]) => ({ personId: p.id, otherPersonId, reasons: [...d.reasons], importJobId: job.id, line: d.line, createdAt: now })));
  if (candidates.length) await tx.duplicateCandidate.createMany({ data: candidates });

  const events = persons.flatMap((p) => p.events.map((e) => ({ person: p, ...e, ...purposes.get(e.purposeKey)! })));
  await insertRows(tx, "ConsentEvent", CONSENT_EVENT_COLUMNS, events.map(({ person, purpose, version, status, eventId }) => {
    const locale = isLocale(person.values.preferredLanguage) ? person.values.preferredLanguage : defaultLocale;
    const shown = localizePurposeText(version.texts, locale);
    return {
      id: eventId, personId: person.id, purposeId: purpose.id, purposeVersionId: version.id, status, source: "IMPORT",
      connectedSystemId: job.connectedSystemId, actorKind: actor.kind, actorId: actor.id, occurredAt: now, ipHash: actor.ipHash ?? null, locale,
      textHash: hashShownText({ purposeKey: purpose.key, version: version.version, locale: shown.locale, title: shown.title, description: shown.description }),
    };
  }));
  // The state follows the last event per person and purpose.
  const last = [...new Map(events.map((e) => [`${e.person.id}:${e.purposeKey}`, e])).values()];
  const state = (e: (typeof events)[number]) => ({ purposeVersionId: e.version.id, version: e.version.version, status: e.status, source: "IMPORT" as const, lastEventId: e.eventId, updatedAt: now });
  await insertRows(
    tx,
    "ConsentState",
    { id: "text", personId: "text", purposeId: "text", purposeVersionId: "text", version: "int", status: "enum:ConsentStatus", source: "enum:ConsentSource", lastEventId: "text", updatedAt: "timestamp" },
    last.filter((e) => !e.person.storedStates.has(e.purposeKey)).map((e) => stamp({ personId: e.person.id, purposeId: e.purpose.id, ...state(e) })),
  );
  for (const e of last.filter((e) => e.person.storedStates.has(e.purposeKey))) {
    await tx.consentState.update({ where: { personId_purposeId: { personId: e.person.id, purposeId: e.purpose.id } }, data: state(e) });
  }
  return describeImportBatch(persons, organisations, { job, purposes, now, tx });
}

/** The audit entries and outbox events of a written batch; the events are recorded here. */
async function describeImportBatch(
  persons: PlannedPerson[],
  organisations: { id: string; businessId: string }[],
  { job, purposes, now, tx }: { job: ImportBatchJob; purposes: Map<string, ImportPurpose>; now: Date; tx: Tx },
): Promise<AuditInput[]> {
  const businessIdOf = new Map(organisations.map((o) => [o.id, o.businessId]));
  const unknown = [...new Set(persons.flatMap((p) => [...p.memberships].filter(([id, m]) => (m.isNew || m.roleChanged) && !businessIdOf.has(id)).map(([id]) => id)))];
  if (unknown.length) for (const o of await tx.organization.findMany({ where: { id: { in: unknown } }, select: { id: true, businessId: true } })) businessIdOf.set(o.id, o.businessId);

  const audit: AuditInput[] = organisations.map((o) => ({ action: "organization.created", target: `Organization:${o.id}`, details: { businessId: o.businessId, source: "IMPORT", system: job.system, importJobId: job.id } }));
  const outbox: OutboxInput[] = [];
  const source = { source: "IMPORT", system: job.system, importJobId: job.id };
  for (const p of persons) {
    const fields = [...p.changed.keys()];
    const values = Object.fromEntries(fields.map((f) => [f, p.values[f]]));
    // A membership is the person's role for a company, kept apart from their own profile fields.
    const memberships = [...p.memberships].filter(([, m]) => m.isNew || m.roleChanged).map(([id, m]) => ({ businessId: businessIdOf.get(id)!, role: m.role }));
    const extra = memberships.length ? { memberships } : {};
    if (p.isNew) {
      const duplicates = [...p.duplicates.keys()];
      audit.push({ action: "person.created", personId: p.id, target: `Person:${p.id}`, details: { fields, ...source, ...extra, ...(duplicates.length ? { duplicateCandidates: duplicates } : {}) } });
      outbox.push({ type: "person.created", personId: p.id, data: { fields, values, source: "IMPORT", system: job.system, ...extra } });
    } else if (fields.length || memberships.length) {
      audit.push({ action: "person.updated", personId: p.id, target: `Person:${p.id}`, details: { fields, ...source, ...extra } });
      outbox.push({ type: "person.updated", personId: p.id, data: { changedFields: fields, values, source: "IMPORT", system: job.system, ...extra } });
    }
    if (!p.isNew && p.links.length) {
      audit.push({ action: "person.identity_linked", personId: p.id, target: `Person:${p.id}`, details: { system: job.system, importJobId: job.id } });
      outbox.push({ type: "person.identity_linked", personId: p.id, data: { system: job.system } });
    }
    for (const e of p.events) {
      const { purpose, version } = purposes.get(e.purposeKey)!;
      const details = { purposeKey: e.purposeKey, version: version.version, status: e.status, source: "IMPORT", consentEventId: e.eventId };
      audit.push({ action: `consent.${e.status.toLowerCase()}`, personId: p.id, target: `ConsentEvent:${e.eventId}`, details: { ...details, importJobId: job.id, ...(job.connectedSystemId ? { connectedSystemId: job.connectedSystemId } : {}) } });
      outbox.push({ type: "consent.updated", personId: p.id, data: { ...details, permitted: evaluateConsent(purpose, { status: e.status, version: version.version }).permitted } });
    }
  }
  await recordOutboxEvents(tx, outbox, now);
  return audit;
}
