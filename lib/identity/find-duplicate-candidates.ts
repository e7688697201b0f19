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
  /** What they share: DuplicateReason keys, or what an import recorded ("phone", "namePostalCode", …). */
  reasons: string[];
  /** Name similarity (0–1), for ordering. */
  nameSimilarity: number;
  /** Set when an import recorded the pair instead of merging: which run and which line of its file. */
  recorded: { importJobId: string | null; fileName: string | null; line: number | null; at: Date } | null;
}

type Pair = { a: string; b: string; reason: DuplicateReason; similarity: number };

/**
 * Persons who are probably the same: the pairs an import recorded (a person created beside a weak
 * match, with the import and line), then the computed ones: the same normalised email (trimmed,
 * lower-cased, without a "+tag"), the same phone number, or similar given and family names in the
 * same postal code (pg_trgm). A pair found both ways is listed once with both kinds of evidence.
 * Recorded pairs first, then those with the most reasons and the most similar names. Erased
 * persons are left out. PRIVACY_OFFICER and up.
 */
export async function findDuplicateCandidates({ actor, query = {} }: { actor: Actor; query?: { limit?: number } }): Promise<DuplicateCandidate[]> {
  assertStaffRole(actor, "PRIVACY_OFFICER");
  const { limit } = duplicateQuerySchema.parse(query);
  const prisma = await db();
  const [recorded, byEmail, byPhone, byName] = await Promise.all([
    prisma.duplicateCandidate.findMany({
      where: { person: { erasedAt: null }, otherPerson: { erasedAt: null } },
      orderBy: { createdAt: "desc" },
      take: limit,
      select: { personId: true, otherPersonId: true, reasons: true, importJobId: true, line: true, createdAt: true },
    }),
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

  type Entry = { a: string; b: string; reasons: string[]; similarity: number; recorded: DuplicateCandidate["recorded"] };
  const pairs = new Map<string, Entry>();
  const entry = (x: string, y: string) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}:${b}`;
    const found = pairs.get(key) ?? { a, b, reasons: [], similarity: 0, recorded: null };
    pairs.set(key, found);
    return found;
  };
  const jobs = await prisma.importJob.findMany({
    where: { id: { in: [...new Set(recorded.flatMap((r) => (r.importJobId ? [r.importJobId] : [])))] } },
    select: { id: true, file: { select: { fileName: true } } },
  });
  const fileNames = new Map(jobs.map((j) => [j.id, j.file.fileName]));
  for (const r of recorded) {
    const found = entry(r.personId, r.otherPersonId);
    found.reasons.push(...r.reasons.filter((reason) => !found.reasons.includes(reason)));
    found.recorded = { importJobId: r.importJobId, fileName: (r.importJobId && fileNames.get(r.importJobId)) || null, line: r.line, at: r.createdAt };
  }
  for (const pair of [...byEmail, ...byPhone, ...byName]) {
    const found = entry(pair.a, pair.b);
    if (!found.reasons.includes(pair.reason)) found.reasons.push(pair.reason);
    if (pair.reason === "namePostalCode") found.similarity = Number(pair.similarity);
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
      return { a: a!, b: b!, reasons: p.reasons, nameSimilarity: p.similarity, recorded: p.recorded };
    })
    .sort((x, y) => Number(!!y.recorded) - Number(!!x.recorded) || y.reasons.length - x.reasons.length || y.nameSimilarity - x.nameSimilarity)
    .slice(0, limit);
}
