import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { assertStaffRole } from "../staff/assert-staff-role";
import { duplicateQuerySchema, type DuplicateReason } from "./schemas";

export interface DuplicatePerson {
  id: string;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  phone: string | null;
  postalCode: string | null;
  city: string | null;
  createdAt: Date;
}

export interface DuplicateCandidate {
  a: DuplicatePerson;
  b: DuplicatePerson;
  reasons: DuplicateReason[];
  /** Name similarity (0–1), for ordering. */
  nameSimilarity: number;
}

type Pair = { a: string; b: string; reason: DuplicateReason; similarity: number };

/**
 * Persons who are probably the same: the same normalised email (trimmed, lower-cased, without a
 * "+tag"), the same phone number, or similar given and family names in the same postal code
 * (pg_trgm). Pairs with the most reasons and the most similar names first. Erased persons are
 * left out. PRIVACY_OFFICER and up.
 */
export async function findDuplicateCandidates({ actor, query = {} }: { actor: Actor; query?: { limit?: number } }): Promise<DuplicateCandidate[]> {
  assertStaffRole(actor, "PRIVACY_OFFICER");
  const { limit } = duplicateQuerySchema.parse(query);
  const prisma = await db();
  const [byEmail, byPhone, byName] = await Promise.all([
    prisma.$queryRaw<Pair[]>`
      WITH keyed AS (
        SELECT "id", regexp_replace(lower(trim("email")), '\\+[^@]*@', '@') AS k FROM "Person"
        WHERE "email" IS NOT NULL AND "erasedAt" IS NULL
      )
      SELECT x."id" AS a, y."id" AS b, 'email' AS reason, 1::real AS similarity
      FROM keyed x JOIN keyed y ON x.k = y.k AND x."id" < y."id"
      LIMIT ${limit}`,
    prisma.$queryRaw<Pair[]>`
      SELECT x."id" AS a, y."id" AS b, 'phone' AS reason, 1::real AS similarity
      FROM "Person" x JOIN "Person" y ON x."phone" = y."phone" AND x."id" < y."id"
      WHERE x."erasedAt" IS NULL AND y."erasedAt" IS NULL
      LIMIT ${limit}`,
    prisma.$queryRaw<Pair[]>`
      SELECT x."id" AS a, y."id" AS b, 'namePostalCode' AS reason,
             (similarity(x."familyName", y."familyName") + similarity(x."givenName", y."givenName")) / 2 AS similarity
      FROM "Person" x JOIN "Person" y ON x."postalCode" = y."postalCode" AND x."id" < y."id"
      WHERE x."familyName" % y."familyName" AND x."givenName" % y."givenName"
        AND x."erasedAt" IS NULL AND y."erasedAt" IS NULL
      LIMIT ${limit}`,
  ]);

  const pairs = new Map<string, { a: string; b: string; reasons: DuplicateReason[]; similarity: number }>();
  for (const pair of [...byEmail, ...byPhone, ...byName]) {
    const key = `${pair.a}:${pair.b}`;
    const entry = pairs.get(key) ?? { a: pair.a, b: pair.b, reasons: [], similarity: 0 };
    entry.reasons.push(pair.reason);
    if (pair.reason === "namePostalCode") entry.similarity = Number(pair.similarity);
    pairs.set(key, entry);
  }
  if (pairs.size === 0) return [];
  const ids = [...new Set([...pairs.values()].flatMap((p) => [p.a, p.b]))];
  const persons = new Map(
    (
      await prisma.person.findMany({
        where: { id: { in: ids } },
        select: { id: true, givenName: true, familyName: true, email: true, phone: true, postalCode: true, city: true, createdAt: true },
      })
    ).map((p) => [p.id, p]),
  );
  return [...pairs.values()]
    .filter((p) => persons.has(p.a) && persons.has(p.b))
    .map((p) => {
      // The older record first: it is the usual survivor.
      const [a, b] = [persons.get(p.a)!, persons.get(p.b)!].sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime() || x.id.localeCompare(y.id));
      return { a: a!, b: b!, reasons: p.reasons, nameSimilarity: p.similarity };
    })
    .sort((x, y) => y.reasons.length - x.reasons.length || y.nameSimilarity - x.nameSimilarity)
    .slice(0, limit);
}
