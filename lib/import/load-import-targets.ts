import type { Tx } from "../db/types";
import { suppressionHash } from "../suppression/suppression-hash";
import type { ImportRow } from "./validate-import-row";

export const TARGET_FIELDS = ["email", "phone", "givenName", "familyName", "streetAddress", "postalCode", "city", "country", "preferredLanguage", "birthDate"] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

export interface ExistingPerson {
  id: string;
  values: Record<TargetField, string | null>;
  restricted: boolean;
}

/**
 * What an import batch needs from the database, in a handful of queries: suppressed addresses
 * (the keyed hash of lib/suppression), persons matching the rows by external id,
 * email or phone (locked for the rest of the transaction), and their current values.
 */
export async function loadImportTargets(tx: Tx, rows: ImportRow[], system: string) {
  const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];
  const emails = unique(rows.map((r) => r.email));
  const hashes = new Map(emails.map((e) => [suppressionHash(e), e]));
  const [suppressions, byExternalId, byEmail, byPhone] = await Promise.all([
    hashes.size ? tx.suppression.findMany({ where: { hash: { in: [...hashes.keys()] } }, select: { hash: true } }) : [],
    tx.externalIdentity.findMany({ where: { system, externalId: { in: unique(rows.map((r) => r.externalId)) } }, select: { externalId: true, personId: true } }),
    tx.person.findMany({ where: { email: { in: emails }, erasedAt: null }, select: { id: true, email: true } }),
    tx.person.findMany({ where: { phone: { in: unique(rows.map((r) => r.phone)) }, erasedAt: null }, select: { id: true, phone: true } }),
  ]);
  const phoneOwners = new Map<string, string[]>();
  for (const p of byPhone) phoneOwners.set(p.phone!, [...(phoneOwners.get(p.phone!) ?? []), p.id]);
  const ids = unique([...byExternalId.map((e) => e.personId), ...byEmail.map((p) => p.id), ...byPhone.map((p) => p.id)]).sort();
  if (ids.length) await tx.$queryRaw`SELECT "id" FROM "Person" WHERE "id" = ANY(${ids}::text[]) ORDER BY "id" FOR UPDATE`;
  const persons = ids.length
    ? await tx.person.findMany({
        where: { id: { in: ids } },
        select: { id: true, email: true, phone: true, givenName: true, familyName: true, streetAddress: true, postalCode: true, city: true, country: true, preferredLanguage: true, birthDate: true, restrictedAt: true },
      })
    : [];
  return {
    suppressed: new Set(suppressions.map((s) => hashes.get(s.hash)!)),
    byExternalId: new Map(byExternalId.map((e) => [e.externalId, e.personId])),
    byEmail: new Map(byEmail.map((p) => [p.email!, p.id])),
    phoneOwners,
    persons: new Map(
      persons.map((p): [string, ExistingPerson] => {
        const { id, restrictedAt, birthDate, ...values } = p;
        return [id, { id, restricted: restrictedAt !== null, values: { ...values, birthDate: birthDate ? birthDate.toISOString().slice(0, 10) : null } }];
      }),
    ),
  };
}

export type ImportTargets = Awaited<ReturnType<typeof loadImportTargets>>;
