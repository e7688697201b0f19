import type { Actor } from "../audit/actor";
import type { AuditInput } from "../audit/append-audit-entry";
import { evaluateConsent } from "../consents/evaluate-consent";
import type { ConsentStatus } from "../db/generated/enums";
import type { Tx } from "../db/types";
import { generateUuid7 } from "../db/generate-uuid7";
import type { ImportPurpose } from "./load-import-purposes";
import { loadImportTargets, namePostalKey, TARGET_FIELDS, type TargetField } from "./load-import-targets";
import type { ImportMapping } from "./schemas";
import type { ImportRow, RowProblem } from "./validate-import-row";
import { writeImportBatch, type PlannedPerson } from "./write-import-batch";

export interface ImportBatchJob {
  id: string;
  system: string;
  mapping: ImportMapping;
  /** The ConnectedSystem with the job's key, if there is one: consent evidence. */
  connectedSystemId: string | null;
}

/** What the whole file did so far; the job's counters. */
export interface ImportCounts {
  created: number;
  matched: number;
  suppressed: number;
  refused: number;
  consentsGranted: number;
  consentsWithdrawn: number;
  organisationsCreated: number;
  organisationsMatched: number;
  membershipsCreated: number;
  duplicateCandidates: number;
}

/** State that lives for the whole file, across its batches. */
export interface ImportFileState {
  counts: ImportCounts;
  /** Business ID → organisation id, for every organisation the file named so far (counted once). */
  organisations: Map<string, string>;
}

export const newImportFileState = (): ImportFileState => ({
  counts: { created: 0, matched: 0, suppressed: 0, refused: 0, consentsGranted: 0, consentsWithdrawn: 0, organisationsCreated: 0, organisationsMatched: 0, membershipsCreated: 0, duplicateCandidates: 0 },
  organisations: new Map(),
});

const emptyValues = () => Object.fromEntries(TARGET_FIELDS.map((f) => [f, null])) as Record<TargetField, string | null>;
/** Enough evidence for a human; a common name in a big postal code area should not list hundreds. */
const MAX_CANDIDATES = 10;

/**
 * Imports one batch of valid rows inside the file's change transaction. A row matches a person
 * only by a strong identifier: the same system's external id or the normalised email (rows
 * earlier in the file count exactly like existing persons). A row whose email and external id
 * point at two persons is refused; a row without an email must match by external id. Phone or
 * name + postal code never merge: the row creates its person and records duplicate candidates.
 * A match only fills empty fields (the person's own corrections win) and adds a new external id
 * beside the old ones; a consent "yes" is recorded where there is no state, a "no" withdraws.
 * Suppressed addresses are skipped, restricted persons refused. Organisations are matched by
 * business ID or created, with the person's membership and role. Answers the refused rows and
 * the audit entries; the counters are added to `state`.
 */
export async function applyImportBatch(
  tx: Tx,
  { rows, job, actor, purposes, now, state }: { rows: ImportRow[]; job: ImportBatchJob; actor: Actor; purposes: Map<string, ImportPurpose>; now: Date; state: ImportFileState },
): Promise<{ problems: RowProblem[]; audit: AuditInput[] }> {
  const targets = await loadImportTargets(tx, rows, job.system);
  const purposeIds = [...purposes.values()].map((p) => p.purpose.id);
  const storedStates = targets.persons.size && purposeIds.length
    ? await tx.consentState.findMany({ where: { personId: { in: [...targets.persons.keys()] }, purposeId: { in: purposeIds } }, select: { personId: true, purposeId: true, status: true, version: true } })
    : [];
  const keyOf = new Map([...purposes.values()].map((p) => [p.purpose.id, p.purpose.key]));
  const counts = state.counts;
  const planned = new Map<string, PlannedPerson>();
  const newOrganisations = new Map<string, { id: string; businessId: string; name: string }>();
  const seen = { email: new Map<string, string>(), externalId: new Map<string, string>(), phone: new Map<string, string[]>(), namePostal: new Map<string, string[]>() };
  const problems: RowProblem[] = [];
  const refuse = (row: number, column: string | null | undefined, reason: string) => {
    problems.push({ row, column: column ?? null, reason });
    counts.refused += 1;
  };
  const load = (id: string): PlannedPerson => {
    const existing = targets.persons.get(id)!;
    const states = new Map(storedStates.filter((s) => s.personId === id).map((s) => [keyOf.get(s.purposeId)!, { status: s.status, version: s.version }]));
    const memberships = new Map(targets.memberships.filter((m) => m.personId === id).map((m) => [m.organizationId, { role: m.role, isNew: false, roleChanged: false }]));
    return { id, isNew: false, createdAt: null, values: { ...existing.values }, changed: new Map(), links: [], states, storedStates: new Set(states.keys()), events: [], memberships, duplicates: new Map() };
  };
  const fields = job.mapping.fields;

  for (const row of rows) {
    if (row.email && targets.suppressed.has(row.email)) {
      counts.suppressed += 1;
      continue;
    }
    const unavailable = Object.keys(row.consents).find((key) => !purposes.has(key));
    if (unavailable) {
      refuse(row.row, job.mapping.consents[unavailable], "purposeUnavailable");
      continue;
    }
    const byExternalId = row.externalId ? (seen.externalId.get(row.externalId) ?? targets.byExternalId.get(row.externalId)) : undefined;
    const byEmail = row.email ? (seen.email.get(row.email) ?? targets.byEmail.get(row.email)) : undefined;
    if (byExternalId && byEmail && byExternalId !== byEmail) {
      refuse(row.row, fields.externalId, "conflictingMatch");
      continue;
    }
    const target = byExternalId ?? byEmail;
    if (!target && !row.email) {
      refuse(row.row, fields.email ?? fields.externalId, "emailMissing");
      continue;
    }
    if (target && targets.persons.get(target)?.erased) {
      refuse(row.row, fields.externalId ?? fields.email, "personErased");
      continue;
    }
    if (target && targets.persons.get(target)?.restricted) {
      refuse(row.row, null, "personRestricted");
      continue;
    }
    let organisationId: string | undefined;
    if (row.organisation) {
      const { businessId, name } = row.organisation;
      organisationId = state.organisations.get(businessId) ?? targets.organisations.get(businessId);
      if (!organisationId && !name) {
        refuse(row.row, fields.organisationName ?? fields.businessId, "organisationNameMissing");
        continue;
      }
      if (!state.organisations.has(businessId)) {
        if (organisationId) counts.organisationsMatched += 1;
        else {
          organisationId = generateUuid7(now.getTime());
          newOrganisations.set(businessId, { id: organisationId, businessId, name: name! });
          counts.organisationsCreated += 1;
        }
        state.organisations.set(businessId, organisationId);
      }
    }

    const person: PlannedPerson = target
      ? (planned.get(target) ?? load(target))
      : { id: generateUuid7(now.getTime()), isNew: true, createdAt: row.createdAt, values: emptyValues(), changed: new Map(), links: [], states: new Map(), storedStates: new Set(), events: [], memberships: new Map(), duplicates: new Map() };
    planned.set(person.id, person);
    if (target) counts.matched += 1;
    else counts.created += 1;

    const incoming: Partial<Record<TargetField, string | null>> = { ...row.profile, email: row.email, phone: row.phone };
    for (const field of TARGET_FIELDS) {
      const value = incoming[field];
      if (value && person.values[field] === null) {
        person.values[field] = value;
        person.changed.set(field, row.createdAt ?? now);
      }
    }
    if (row.externalId && !byExternalId && !person.links.includes(row.externalId)) person.links.push(row.externalId);

    if (organisationId) {
      const role = row.organisation!.role;
      const membership = person.memberships.get(organisationId);
      if (!membership) {
        person.memberships.set(organisationId, { role: role ?? "", isNew: true, roleChanged: false });
        counts.membershipsCreated += 1;
      } else if (!membership.role && role) {
        membership.role = role;
        membership.roleChanged = !membership.isNew;
      }
    }

    // Only a new person can be someone else: a weak match is evidence for a human, never a merge.
    const phoneKey = row.phone;
    const nameKey = namePostalKey(row.profile.givenName, row.profile.familyName, row.profile.postalCode);
    if (!target) {
      const similar: [string, string][] = [
        ...[...(targets.byPhone.get(phoneKey ?? "") ?? []), ...(seen.phone.get(phoneKey ?? "") ?? [])].map((id): [string, string] => [id, "phone"]),
        ...[...(targets.byNamePostal.get(nameKey ?? "") ?? []), ...(seen.namePostal.get(nameKey ?? "") ?? [])].map((id): [string, string] => [id, "namePostalCode"]),
      ];
      for (const [otherId, reason] of similar) {
        if (otherId === person.id || (!person.duplicates.has(otherId) && person.duplicates.size >= MAX_CANDIDATES)) continue;
        person.duplicates.set(otherId, { reasons: new Set([...(person.duplicates.get(otherId)?.reasons ?? []), reason]), line: row.row });
      }
    }
    if (row.email) seen.email.set(row.email, person.id);
    if (row.externalId) seen.externalId.set(row.externalId, person.id);
    if (!target) {
      if (phoneKey) seen.phone.set(phoneKey, [...(seen.phone.get(phoneKey) ?? []), person.id]);
      if (nameKey) seen.namePostal.set(nameKey, [...(seen.namePostal.get(nameKey) ?? []), person.id]);
    }

    for (const [purposeKey, yes] of Object.entries(row.consents)) {
      const { purpose, version } = purposes.get(purposeKey)!;
      const current = person.states.get(purposeKey) ?? null;
      const status: ConsentStatus | null = yes ? (current ? null : "GRANTED") : evaluateConsent(purpose, current).withdrawable ? "WITHDRAWN" : null;
      if (!status) continue;
      person.states.set(purposeKey, { status, version: version.version });
      person.events.push({ purposeKey, status, eventId: generateUuid7(now.getTime()) });
      if (status === "GRANTED") counts.consentsGranted += 1;
      else counts.consentsWithdrawn += 1;
    }
  }
  const persons = [...planned.values()];
  counts.duplicateCandidates += persons.reduce((n, p) => n + p.duplicates.size, 0);
  const audit = await writeImportBatch(tx, persons, [...newOrganisations.values()], { job, actor, purposes, now });
  return { problems, audit };
}
