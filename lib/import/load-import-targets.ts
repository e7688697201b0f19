import type { Tx } from "../db/types";
import { suppressionHash } from "../suppression/suppression-hash";
import type { ImportRow } from "./validate-import-row";

export const TARGET_FIELDS = ["email", "phone", "givenName", "familyName", "streetAddress", "postalCode", "city", "country", "preferredLanguage", "birthDate"] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

export interface ExistingPerson {
  id: string;
  values: Record<TargetField, string | null>;
  restricted: boolean;
  /** Erased after its external id was linked: a row may not bring it back. */
  erased: boolean;
}

/** The key a weak name-and-address match compares: exact given + family name and postal code, case-folded. */
export const namePostalKey = (givenName?: string | null, familyName?: string | null, postalCode?: string | null) =>
  givenName && familyName && postalCode ? `${givenName.trim().toLowerCase()}|${familyName.trim().toLowerCase()}|${postalCode.replace(/\s/g, "")}` : null;

/**
 * What an import batch needs from the database, in a handful of queries: suppressed addresses
 * (the keyed hash of lib/suppression), the persons a row may match (the same system's external
 * id or the normalised email: locked for the rest of the transaction, with their current values
 * and memberships), the organisations named by business ID, and the persons a row only resembles
 * (same phone, or same name and postal code), which never match but become duplicate candidates.
 * Rows written by earlier batches of the same file are in the same transaction, so they count.
 */
export async function loadImportTargets(tx: Tx, rows: ImportRow[], system: string) {
  const unique = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];
  const emails = unique(rows.map((r) => r.email));
  const hashes = new Map(emails.map((e) => [suppressionHash(e), e]));
  const postalCodes = unique(rows.map((r) => (namePostalKey(r.profile.givenName, r.profile.familyName, r.profile.postalCode) ? r.profile.postalCode : null)));
  const [suppressions, byExternalId, byEmail, byPhone, byPostalCode, organisations] = await Promise.all([
    hashes.size ? tx.suppression.findMany({ where: { hash: { in: [...hashes.keys()] } }, select: { hash: true } }) : [],
    tx.externalIdentity.findMany({ where: { system, externalId: { in: unique(rows.map((r) => r.externalId)) } }, select: { externalId: true, personId: true } }),
    tx.person.findMany({ where: { email: { in: emails }, erasedAt: null }, select: { id: true, email: true } }),
    tx.person.findMany({ where: { phone: { in: unique(rows.map((r) => r.phone)) }, erasedAt: null }, select: { id: true, phone: true } }),
    postalCodes.length
      ? tx.person.findMany({ where: { postalCode: { in: postalCodes }, erasedAt: null, givenName: { not: null }, familyName: { not: null } }, select: { id: true, givenName: true, familyName: true, postalCode: true } })
      : [],
    tx.organization.findMany({ where: { businessId: { in: unique(rows.map((r) => r.organisation?.businessId)) } }, select: { id: true, businessId: true } }),
  ]);
  const group = (pairs: [string | null, string][]) => {
    const map = new Map<string, string[]>();
    for (const [key, id] of pairs) if (key) map.set(key, [...(map.get(key) ?? []), id]);
    return map;
  };
  const ids = unique([...byExternalId.map((e) => e.personId), ...byEmail.map((p) => p.id)]).sort();
  if (ids.length) await tx.$queryRaw`SELECT "id" FROM "Person" WHERE "id" = ANY(${ids}::text[]) ORDER BY "id" FOR UPDATE`;
  const [persons, memberships] = ids.length
    ? await Promise.all([
        tx.person.findMany({
          where: { id: { in: ids } },
          select: { id: true, email: true, phone: true, givenName: true, familyName: true, streetAddress: true, postalCode: true, city: true, country: true, preferredLanguage: true, birthDate: true, restrictedAt: true, erasedAt: true },
        }),
        tx.membership.findMany({ where: { personId: { in: ids } }, select: { personId: true, organizationId: true, role: true } }),
      ])
    : [[], []];
  return {
    suppressed: new Set(suppressions.map((s) => hashes.get(s.hash)!)),
    byExternalId: new Map(byExternalId.map((e) => [e.externalId, e.personId])),
    byEmail: new Map(byEmail.map((p) => [p.email!, p.id])),
    byPhone: group(byPhone.map((p) => [p.phone, p.id])),
    byNamePostal: group(byPostalCode.map((p) => [namePostalKey(p.givenName, p.familyName, p.postalCode), p.id])),
    organisations: new Map(organisations.map((o) => [o.businessId, o.id])),
    memberships,
    persons: new Map(
      persons.map((p): [string, ExistingPerson] => {
        const { id, restrictedAt, erasedAt, birthDate, ...values } = p;
        return [id, { id, restricted: restrictedAt !== null, erased: erasedAt !== null, values: { ...values, birthDate: birthDate ? birthDate.toISOString().slice(0, 10) : null } }];
      }),
    ),
  };
}

export type ImportTargets = Awaited<ReturnType<typeof loadImportTargets>>;
