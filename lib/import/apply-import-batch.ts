import type { Actor } from "../audit/actor";
import type { AuditInput } from "../audit/append-audit-entry";
import { evaluateConsent } from "../consents/evaluate-consent";
import { hashShownText } from "../consents/hash-shown-text";
import { localizePurposeText } from "../consents/localize-purpose-text";
import type { ConsentStatus } from "../db/generated/enums";
import { insertRows, type ColumnType } from "../db/insert-rows";
import type { Tx } from "../db/types";
import { defaultLocale, isLocale } from "../i18n/locales";
import { recordOutboxEvents, type OutboxInput } from "../propagation/record-outbox-event";
import { generateUuid7 } from "../db/generate-uuid7";
import type { ImportPurpose } from "./load-import-purposes";
import { loadImportTargets, TARGET_FIELDS, type TargetField } from "./load-import-targets";
import type { ImportMapping } from "./schemas";
import type { ImportRow, RowProblem } from "./validate-import-row";

export interface ImportBatchJob {
  id: string;
  system: string;
  dryRun: boolean;
  mapping: ImportMapping;
  /** The ConnectedSystem with the job's key, if there is one: consent evidence. */
  connectedSystemId: string | null;
}

interface Working {
  id: string;
  isNew: boolean;
  values: Record<TargetField, string | null>;
  changed: Set<TargetField>;
  links: string[];
  /** Current consent state per purpose key, as this batch leaves it. */
  states: Map<string, { status: ConsentStatus; version: number }>;
  storedStates: Set<string>;
  events: { purposeKey: string; status: ConsentStatus; eventId: string }[];
}

const PERSON_COLUMNS = {
  email: "text", phone: "text", givenName: "text", familyName: "text", streetAddress: "text", postalCode: "text", city: "text", country: "text", preferredLanguage: "text", birthDate: "date",
} as const satisfies Record<TargetField, ColumnType>;
const CONSENT_EVENT_COLUMNS = {
  id: "text", personId: "text", purposeId: "text", purposeVersionId: "text", status: "enum:ConsentStatus", source: "enum:ConsentSource", connectedSystemId: "text",
  actorKind: "text", actorId: "text", occurredAt: "timestamp", ipHash: "text", locale: "text", textHash: "text",
} as const;

const emptyValues = () => Object.fromEntries(TARGET_FIELDS.map((f) => [f, null])) as Record<TargetField, string | null>;

/**
 * Imports one batch of valid rows inside the caller's change transaction. A row matches a
 * person by external id (same system), email, or phone (when one person has it); rows earlier in
 * the batch count too. A match only fills fields that are empty (the person's own corrections
 * win); a consent "yes" is recorded when the person has no state for the purpose yet, a "no"
 * withdraws whatever can be withdrawn. Suppressed addresses (erased persons) are skipped. Writes
 * persons, field history, external ids, consent events and states in bulk, records the outbox
 * events, and returns the audit entries. A dry run plans the same and writes nothing.
 */
export async function applyImportBatch(tx: Tx, { rows, job, actor, purposes, now }: { rows: ImportRow[]; job: ImportBatchJob; actor: Actor; purposes: Map<string, ImportPurpose>; now: Date }) {
  const targets = await loadImportTargets(tx, rows, job.system);
  const purposeIds = [...purposes.values()].map((p) => p.purpose.id);
  const storedStates = targets.persons.size && purposeIds.length
    ? await tx.consentState.findMany({ where: { personId: { in: [...targets.persons.keys()] }, purposeId: { in: purposeIds } }, select: { personId: true, purposeId: true, status: true, version: true } })
    : [];
  const keyOf = new Map([...purposes.values()].map((p) => [p.purpose.id, p.purpose.key]));
  const working = new Map<string, Working>();
  const seen = { email: new Map<string, string>(), phone: new Map<string, string>(), externalId: new Map<string, string>() };
  const problems: RowProblem[] = [];
  const counts = { created: 0, matched: 0, suppressed: 0, errors: 0, consents: 0 };
  const refuse = (row: number, column: string | null, reason: string) => {
    problems.push({ row, column, reason });
    counts.errors += 1;
  };
  const load = (id: string): Working => {
    const existing = targets.persons.get(id)!;
    const states = new Map(storedStates.filter((s) => s.personId === id).map((s) => [keyOf.get(s.purposeId)!, { status: s.status, version: s.version }]));
    return { id, isNew: false, values: { ...existing.values }, changed: new Set(), links: [], states, storedStates: new Set(states.keys()), events: [] };
  };

  for (const row of rows) {
    if (row.email && targets.suppressed.has(row.email)) {
      counts.suppressed += 1;
      continue;
    }
    const unavailable = Object.keys(row.consents).find((key) => !purposes.has(key));
    if (unavailable) {
      refuse(row.row, job.mapping.consents[unavailable] ?? null, "purposeUnavailable");
      continue;
    }
    const byExternalId = row.externalId ? (seen.externalId.get(row.externalId) ?? targets.byExternalId.get(row.externalId)) : undefined;
    const byEmail = row.email ? (seen.email.get(row.email) ?? targets.byEmail.get(row.email)) : undefined;
    if (byExternalId && byEmail && byExternalId !== byEmail) {
      refuse(row.row, job.mapping.fields.externalId ?? null, "conflictingMatch");
      continue;
    }
    let target = byExternalId ?? byEmail;
    if (!target && row.phone) {
      const owners = seen.phone.has(row.phone) ? [seen.phone.get(row.phone)!] : (targets.phoneOwners.get(row.phone) ?? []);
      if (owners.length > 1) {
        refuse(row.row, job.mapping.fields.phone ?? null, "ambiguousPhone");
        continue;
      }
      target = owners[0];
    }
    if (target && targets.persons.get(target)?.restricted) {
      refuse(row.row, null, "personRestricted");
      continue;
    }
    const person: Working = target
      ? (working.get(target) ?? load(target))
      : { id: generateUuid7(now.getTime()), isNew: true, values: emptyValues(), changed: new Set(), links: [], states: new Map(), storedStates: new Set(), events: [] };
    working.set(person.id, person);
    if (target) counts.matched += 1;
    else counts.created += 1;

    const incoming: Partial<Record<TargetField, string | null>> = { ...row.profile, email: row.email, phone: row.phone };
    for (const field of TARGET_FIELDS) {
      const value = incoming[field];
      if (value && person.values[field] === null) {
        person.values[field] = value;
        person.changed.add(field);
      }
    }
    if (row.externalId && !byExternalId && !person.links.includes(row.externalId)) person.links.push(row.externalId);
    for (const [kind, value] of [["email", person.values.email], ["phone", row.phone], ["externalId", row.externalId]] as const) {
      if (value) seen[kind].set(value, person.id);
    }
    for (const [purposeKey, yes] of Object.entries(row.consents)) {
      const { purpose, version } = purposes.get(purposeKey)!;
      const state = person.states.get(purposeKey) ?? null;
      const status: ConsentStatus | null = yes ? (state ? null : "GRANTED") : evaluateConsent(purpose, state).withdrawable ? "WITHDRAWN" : null;
      if (!status) continue;
      person.states.set(purposeKey, { status, version: version.version });
      person.events.push({ purposeKey, status, eventId: generateUuid7(now.getTime()) });
      counts.consents += 1;
    }
  }
  if (job.dryRun) return { problems, counts, audit: [] as AuditInput[] };
  const audit = await writeImportBatch(tx, [...working.values()], { job, actor, purposes, now });
  return { problems, counts, audit };
}

/** Writes what applyImportBatch planned with a few bulk statements, then records the outbox events. */
async function writeImportBatch(tx: Tx, persons: Working[], { job, actor, purposes, now }: { job: ImportBatchJob; actor: Actor; purposes: Map<string, ImportPurpose>; now: Date }) {
  const created = persons.filter((p) => p.isNew);
  await insertRows(tx, "Person", { id: "text", ...PERSON_COLUMNS, createdAt: "timestamp", updatedAt: "timestamp" }, created.map((p) => ({ id: p.id, ...p.values, createdAt: now, updatedAt: now })));
  for (const p of persons.filter((p) => !p.isNew && p.changed.size)) {
    const values = Object.fromEntries([...p.changed].map((f) => [f, f === "birthDate" ? new Date(`${p.values[f]}T00:00:00Z`) : p.values[f]]));
    await tx.person.update({ where: { id: p.id }, data: values });
  }
  const stamp = (row: Record<string, unknown>) => ({ id: generateUuid7(now.getTime()), ...row });
  await insertRows(
    tx,
    "PersonFieldChange",
    { id: "text", personId: "text", field: "text", source: "enum:DataSource", system: "text", actorId: "text", changedAt: "timestamp" },
    persons.flatMap((p) => [...p.changed].map((field) => stamp({ personId: p.id, field, source: "IMPORT", system: job.system, actorId: actor.id, changedAt: now }))),
  );
  await insertRows(
    tx,
    "ExternalIdentity",
    { id: "text", personId: "text", system: "text", externalId: "text", linkedAt: "timestamp" },
    persons.flatMap((p) => p.links.map((externalId) => stamp({ personId: p.id, system: job.system, externalId, linkedAt: now }))),
  );

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

  const audit: AuditInput[] = [];
  const outbox: OutboxInput[] = [];
  const source = { source: "IMPORT", system: job.system, importJobId: job.id };
  for (const p of persons) {
    const fields = [...p.changed];
    const values = Object.fromEntries(fields.map((f) => [f, p.values[f]]));
    if (p.isNew) {
      audit.push({ action: "person.created", personId: p.id, target: `Person:${p.id}`, details: { fields, ...source } });
      outbox.push({ type: "person.created", personId: p.id, data: { fields, values, source: "IMPORT", system: job.system } });
    } else if (fields.length) {
      audit.push({ action: "person.updated", personId: p.id, target: `Person:${p.id}`, details: { fields, ...source } });
      outbox.push({ type: "person.updated", personId: p.id, data: { changedFields: fields, values, source: "IMPORT", system: job.system } });
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
