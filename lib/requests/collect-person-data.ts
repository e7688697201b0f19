import { getConsentReceipt } from "../consents/get-consent-receipt";
import type { PrismaClient } from "../db/generated/client";

const DATE_ONLY = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * Everything Omadata holds about one person (GDPR Art. 15), shaped for the export: profile,
 * provenance, organisations, external identities, interactions, consents with their signed
 * receipts, requests with their timelines, and the audit entries about them. Only this person's
 * rows: every query is bound to `personId`. Officers' internal notes are not the person's data
 * about them and are left out, as are staff user ids and hashed addresses in the audit trail.
 */
export async function collectPersonData(prisma: PrismaClient, personId: string, now: Date, onProgress?: (percent: number) => Promise<void>) {
  const person = await prisma.person.findUniqueOrThrow({
    where: { id: personId },
    select: {
      id: true, email: true, emailVerifiedAt: true, givenName: true, familyName: true, phone: true, preferredLanguage: true, birthDate: true,
      streetAddress: true, postalCode: true, city: true, country: true, restrictedAt: true, createdAt: true, updatedAt: true,
    },
  });
  const [provenance, memberships, externalIdentities, interactions, states, events, requests, audit] = await Promise.all([
    prisma.personFieldChange.findMany({ where: { personId }, orderBy: { changedAt: "asc" }, select: { field: true, source: true, system: true, changedAt: true } }),
    prisma.membership.findMany({ where: { personId }, orderBy: { createdAt: "asc" }, select: { role: true, createdAt: true, organization: { select: { id: true, name: true, businessId: true } } } }),
    prisma.externalIdentity.findMany({ where: { personId }, orderBy: { linkedAt: "asc" }, select: { system: true, externalId: true, linkedAt: true } }),
    prisma.interaction.findMany({ where: { personId }, orderBy: { occurredAt: "asc" }, select: { id: true, system: true, externalId: true, kind: true, occurredAt: true, summary: true, amountMinor: true, currency: true } }),
    prisma.consentState.findMany({ where: { personId }, orderBy: { updatedAt: "asc" }, select: { status: true, version: true, source: true, updatedAt: true, purpose: { select: { key: true } } } }),
    prisma.consentEvent.findMany({ where: { personId }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }], select: { id: true, status: true, source: true, occurredAt: true, locale: true, userAgent: true, textHash: true, purpose: { select: { key: true } }, purposeVersion: { select: { version: true } } } }),
    prisma.dataRequest.findMany({
      where: { personId },
      orderBy: { receivedAt: "asc" },
      select: {
        id: true, type: true, channel: true, status: true, description: true, receivedAt: true, dueAt: true, extendedDueAt: true, extensionReason: true, decisionReason: true, closedAt: true,
        steps: { where: { internal: false }, orderBy: { at: "asc" }, select: { at: true, kind: true, status: true, note: true } },
      },
    }),
    prisma.auditEntry.findMany({ where: { personId }, orderBy: { id: "asc" }, select: { seq: true, at: true, actorKind: true, action: true, target: true, details: true } }),
  ]);
  await onProgress?.(40);
  const consentEvents = [];
  for (const event of events) {
    const { receipt, jws } = await getConsentReceipt(personId, event.id);
    consentEvents.push({
      id: event.id, purposeKey: event.purpose.key, version: event.purposeVersion.version, status: event.status, source: event.source,
      occurredAt: event.occurredAt, locale: event.locale, userAgent: event.userAgent, textHash: event.textHash, receipt, receiptJws: jws,
    });
  }
  await onProgress?.(70);
  return {
    format: "omadata-export/1",
    generatedAt: now,
    person: { ...person, birthDate: DATE_ONLY(person.birthDate) },
    provenance,
    organisations: memberships.map((m) => ({ organizationId: m.organization.id, name: m.organization.name, businessId: m.organization.businessId, role: m.role, since: m.createdAt })),
    externalIdentities,
    interactions,
    consents: { current: states.map((s) => ({ purposeKey: s.purpose.key, status: s.status, version: s.version, source: s.source, updatedAt: s.updatedAt })), events: consentEvents },
    requests: requests.map(({ steps, ...r }) => ({ ...r, timeline: steps })),
    auditEntries: audit,
  };
}

export type PersonData = Awaited<ReturnType<typeof collectPersonData>>;
