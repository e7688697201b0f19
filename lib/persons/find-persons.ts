import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";

export interface FindPersonsQuery {
  email?: string;
  /** With `system`: that system's id for the person. */
  externalId?: string;
  system?: string;
  updatedSince?: string;
  cursor?: string;
  limit: number;
}

export const personApiSelect = {
  id: true, email: true, givenName: true, familyName: true, preferredLanguage: true, sequence: true, updatedAt: true,
  phone: true, streetAddress: true, postalCode: true, city: true, country: true, birthDate: true,
  externalIds: { select: { system: true, externalId: true }, orderBy: { linkedAt: "asc" } },
} satisfies Prisma.PersonSelect;

export type PersonApiRow = Prisma.PersonGetPayload<{ select: typeof personApiSelect }>;

/**
 * A page of persons by email, by a system's external id, or changed since a time, in id
 * order (UUIDv7: creation order), so the cursor is the last id of the page. Erased persons are
 * not listed: their rows hold nothing, and a list of blank items would read as blanked fields;
 * a system learns of an erasure from `person.erased` and from the 410 of a read by id.
 */
export async function findPersons(query: FindPersonsQuery) {
  const where: Prisma.PersonWhereInput = {
    erasedAt: null,
    ...(query.email ? { email: query.email.trim().toLowerCase() } : {}),
    ...(query.externalId ? { externalIds: { some: { system: query.system, externalId: query.externalId } } } : {}),
    ...(query.updatedSince ? { updatedAt: { gte: new Date(query.updatedSince) } } : {}),
    ...(query.cursor ? { id: { gt: query.cursor } } : {}),
  };
  const rows = await (await db()).person.findMany({ where, orderBy: { id: "asc" }, take: query.limit + 1, select: personApiSelect });
  const items = rows.slice(0, query.limit);
  return { items, nextCursor: rows.length > query.limit ? items[items.length - 1]!.id : null };
}
