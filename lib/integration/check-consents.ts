import { evaluateConsent } from "../consents/evaluate-consent";
import { db } from "../db/client";
import type { ConsentStatus } from "../db/generated/enums";

export type PersonRef = { id: string } | { email: string } | { externalId: string };

/**
 * Bulk consent check for a sending system: for up to 1,000 persons (by id, email or the
 * system's own id), whether each purpose may be used now. Unknown persons and unknown purposes
 * are never permitted. A handful of queries, whatever the number of persons.
 */
export async function checkConsents({ systemKey, purposes, persons }: { systemKey: string; purposes: string[]; persons: PersonRef[] }) {
  const prisma = await db();
  const ids = persons.flatMap((p) => ("id" in p ? [p.id] : []));
  const emails = persons.flatMap((p) => ("email" in p ? [p.email.trim().toLowerCase()] : []));
  const externalIds = persons.flatMap((p) => ("externalId" in p ? [p.externalId] : []));
  // Arrays as one parameter each (= ANY): a thousand bind parameters cost more than the query.
  const [byId, byEmail, byExternalId, purposeRows] = await Promise.all([
    // A merged person's id (PersonAlias) answers for the survivor, as everywhere in the API.
    ids.length
      ? prisma.$queryRaw<{ id: string; current: string }[]>`
          SELECT "id", "id" AS "current" FROM "Person" WHERE "id" = ANY(${ids})
          UNION ALL SELECT "aliasId", "personId" FROM "PersonAlias" WHERE "aliasId" = ANY(${ids})`
      : [],
    emails.length ? prisma.$queryRaw<{ id: string; email: string }[]>`SELECT "id", "email" FROM "Person" WHERE "email" = ANY(${emails})` : [],
    externalIds.length
      ? prisma.$queryRaw<{ personId: string; externalId: string }[]>`SELECT "personId", "externalId" FROM "ExternalIdentity" WHERE "system" = ${systemKey} AND "externalId" = ANY(${externalIds})`
      : [],
    prisma.purpose.findMany({ where: { key: { in: purposes } }, select: { id: true, key: true, legalBasis: true, currentVersion: true, renewalFromVersion: true, retiredAt: true } }),
  ]);
  const currentOf = new Map(byId.map((p) => [p.id, p.current]));
  const emailToId = new Map(byEmail.map((p) => [p.email, p.id]));
  const externalToId = new Map(byExternalId.map((e) => [e.externalId, e.personId]));
  const resolve = (ref: PersonRef) =>
    "id" in ref ? (currentOf.get(ref.id) ?? null) : "email" in ref ? (emailToId.get(ref.email.trim().toLowerCase()) ?? null) : (externalToId.get(ref.externalId) ?? null);
  const personIds = [...new Set(persons.map(resolve).filter((id): id is string => id !== null))];
  const [states, blockedRows] = await Promise.all([
    personIds.length && purposeRows.length
      ? prisma.$queryRaw<{ personId: string; purposeId: string; status: ConsentStatus; version: number }[]>`
          SELECT "personId", "purposeId", "status", "version" FROM "ConsentState"
          WHERE "personId" = ANY(${personIds}) AND "purposeId" = ANY(${purposeRows.map((p) => p.id)})`
      : [],
    // A person whose processing is restricted (GDPR Art. 18) or who was erased is permitted nothing.
    personIds.length
      ? prisma.$queryRaw<{ id: string; restrictedAt: Date | null; erasedAt: Date | null }[]>`
          SELECT "id", "restrictedAt", "erasedAt" FROM "Person" WHERE "id" = ANY(${personIds}) AND ("restrictedAt" IS NOT NULL OR "erasedAt" IS NOT NULL)`
      : [],
  ]);
  const stateOf = new Map(states.map((s) => [`${s.personId}:${s.purposeId}`, s]));
  const blocked = new Map(blockedRows.map((p) => [p.id, p]));
  const results = persons.map((ref) => {
    const personId = resolve(ref);
    const permitted = Object.fromEntries(
      purposes.map((key) => {
        const purpose = purposeRows.find((p) => p.key === key);
        if (!personId || !purpose) return [key, false];
        return [key, evaluateConsent(purpose, stateOf.get(`${personId}:${purpose.id}`) ?? null, blocked.get(personId)).permitted];
      }),
    );
    return { ref, personId, permitted };
  });
  return { results, unknownPurposes: purposes.filter((key) => !purposeRows.some((p) => p.key === key)) };
}
