import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { resolvePersonId } from "../persons/resolve-person-id";
import { assertStaffRole } from "../staff/assert-staff-role";
import { classifySearchQuery } from "./classify-search-query";
import { matchKinds, searchQuerySchema, type MatchKind, type SearchQueryInput } from "./schemas";

export interface PersonSearchResult {
  id: string;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  phone: string | null;
  postalCode: string | null;
  city: string | null;
  matchedBy: MatchKind;
  /** 1 for an exact match; the trigram similarity (0–1) for names and email fragments. */
  score: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Finds persons by name (typos tolerated: pg_trgm similarity on given and family names, every
 * word must match one of them), email address or part of one, phone number, external id in any
 * connected system, an organisation's business ID, or the person's id (merged ids resolve to the
 * survivor). Exact matches rank first, then by similarity. Erased persons are not found.
 * SUPPORT and up; searching is not audited (the query would put personal data in the trail),
 * opening a record is (recordPersonView).
 */
export async function searchPersons({ actor, input }: { actor: Actor; input: SearchQueryInput | unknown }): Promise<PersonSearchResult[]> {
  assertStaffRole(actor, "SUPPORT");
  const parsed = searchQuerySchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "invalid search", { userMessage: "invalidQuery", fields: { q: parsed.error.issues[0]?.message ?? "invalid" } });
  const { q, limit } = parsed.data;
  const query = classifySearchQuery(q);
  const prisma = await db();

  const scored = new Map<string, { matchedBy: MatchKind; score: number }>();
  const add = (ids: { id: string; score?: number }[], matchedBy: MatchKind) => {
    for (const { id, score = 1 } of ids) {
      const before = scored.get(id);
      if (!before || score > before.score || (score === before.score && matchKinds.indexOf(matchedBy) < matchKinds.indexOf(before.matchedBy))) {
        scored.set(id, { matchedBy, score });
      }
    }
  };

  const exact = await Promise.all([
    UUID.test(query.raw) ? resolvePersonId(query.raw.toLowerCase()).then((id) => (id ? [{ id }] : [])) : [],
    query.email ? prisma.person.findMany({ where: { email: query.email }, select: { id: true } }) : [],
    query.phone ? prisma.person.findMany({ where: { phone: query.phone }, select: { id: true }, take: limit }) : [],
    prisma.externalIdentity
      .findMany({ where: { externalId: query.raw }, select: { personId: true }, take: limit })
      .then((rows) => rows.map((r) => ({ id: r.personId }))),
    query.businessId
      ? prisma.membership
          .findMany({ where: { organization: { businessId: query.businessId } }, select: { personId: true }, take: limit })
          .then((rows) => rows.map((r) => ({ id: r.personId })))
      : [],
  ]);
  (["id", "email", "phone", "externalId", "businessId"] as const).forEach((kind, i) => add(exact[i]!, kind));

  if (query.emailFragment) {
    add(
      await prisma.$queryRaw<{ id: string; score: number }[]>`
        SELECT "id", similarity("email", ${query.emailFragment}) AS score FROM "Person"
        WHERE "email" ILIKE ${likePattern(query.emailFragment)} AND "erasedAt" IS NULL
        ORDER BY score DESC, "id" LIMIT ${limit}`,
      "email",
    );
  }
  if (query.nameTokens.length > 0) add(await findByName(query.nameTokens, limit), "name");
  if (scored.size === 0) return [];

  const persons = await prisma.person.findMany({
    where: { id: { in: [...scored.keys()] }, erasedAt: null },
    select: { id: true, givenName: true, familyName: true, email: true, phone: true, postalCode: true, city: true },
  });
  return persons
    .map((p) => ({ ...p, ...scored.get(p.id)! }))
    .sort((a, b) => b.score - a.score || matchKinds.indexOf(a.matchedBy) - matchKinds.indexOf(b.matchedBy) || (a.familyName ?? "").localeCompare(b.familyName ?? ""))
    .slice(0, limit);
}

/** Every word must be similar to the given or the family name; both trigram GIN indexes serve `%`. */
async function findByName(tokens: string[], limit: number) {
  const prisma = await db();
  const matches = tokens.map((t) => Prisma.sql`("familyName" % ${t} OR "givenName" % ${t})`);
  const score = tokens.map(
    (t) => Prisma.sql`greatest(coalesce(similarity("familyName", ${t}), 0), coalesce(similarity("givenName", ${t}), 0))`,
  );
  const rows = await prisma.$queryRaw<{ id: string; score: number }[]>`
    SELECT "id", (${Prisma.join(score, " + ")}) / ${tokens.length}::real AS score
    FROM "Person"
    WHERE ${Prisma.join(matches, " AND ")} AND "erasedAt" IS NULL
    ORDER BY score DESC, "id"
    LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, score: Number(r.score) }));
}
