import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";
import { resolvePersonId } from "../persons/resolve-person-id";
import { assertStaffRole } from "../staff/assert-staff-role";
import { parseOrThrow } from "../validation/parse-or-throw";
import { classifySearchQuery } from "./classify-search-query";
import { getOpenSearchSession } from "./get-open-search-session";
import { hashSearchQuery } from "./hash-search-query";
import { matchKinds, searchQuerySchema, type MatchKind, type SearchQueryInput } from "./schemas";

/**
 * One hit: the name and how it was found, nothing else. Contact details show only once the
 * record is opened with a reason (recordPersonView), so a search cannot list them.
 */
export interface PersonSearchResult {
  id: string;
  givenName: string | null;
  familyName: string | null;
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
 * SUPPORT and up, within a search session opened with a stated reason (startSearchSession);
 * without one it refuses (reasonRequired). Each search is audited as `person.searched` with the
 * session's reason code, the number of results, the role and a keyed hash of the query: never
 * the query itself, which is personal data.
 */
export async function searchPersons({ actor, input, now = new Date() }: { actor: Actor; input: SearchQueryInput | unknown; now?: Date }): Promise<PersonSearchResult[]> {
  assertStaffRole(actor, "SUPPORT");
  const { q, limit } = parseOrThrow(searchQuerySchema, input, { userMessage: "invalidQuery", what: "search" });
  const session = await getOpenSearchSession({ userId: actor.id, now });
  if (!session) throw new AppError("FORBIDDEN", "state a reason for searching first", { userMessage: "reasonRequired" });
  const results = await findMatches(q, limit);
  const queryHash = hashSearchQuery(q);
  await runChange(
    actor,
    async () => ({
      result: null,
      audit: { action: "person.searched", personId: null, target: "PersonSearch", details: { session: session.id, reasonCode: session.reasonCode, results: results.length, role: actor.role, queryHash } },
    }),
    { now },
  );
  return results;
}

async function findMatches(q: string, limit: number): Promise<PersonSearchResult[]> {
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

  // Every kind of match at once (one round trip, not three): `add` keeps the best per person
  // whatever the order the answers come in.
  const found = await Promise.all([
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
    query.emailFragment
      ? prisma.$queryRaw<{ id: string; score: number }[]>`
          SELECT "id", similarity("email", ${query.emailFragment}) AS score FROM "Person"
          WHERE "email" ILIKE ${likePattern(query.emailFragment)} AND "erasedAt" IS NULL
          ORDER BY score DESC, "id" LIMIT ${limit}`
      : [],
    query.nameTokens.length > 0 ? findByName(query.nameTokens, limit) : [],
  ]);
  (["id", "email", "phone", "externalId", "businessId", "email", "name"] as const).forEach((kind, i) => add(found[i]!, kind));
  if (scored.size === 0) return [];

  const persons = await prisma.person.findMany({
    where: { id: { in: [...scored.keys()] }, erasedAt: null },
    select: { id: true, givenName: true, familyName: true },
  });
  return persons
    .map((p) => ({ ...p, ...scored.get(p.id)! }))
    .sort((a, b) => b.score - a.score || matchKinds.indexOf(a.matchedBy) - matchKinds.indexOf(b.matchedBy) || (a.familyName ?? "").localeCompare(b.familyName ?? ""))
    .slice(0, limit);
}

/**
 * Every word must be similar to the given or the family name. The longest word picks the
 * candidates: first the similar names among the distinct names persons hold (PersonName: a few
 * hundred to thousands of rows, where the trigram index of Person's own columns holds a row per
 * person and its lists for common trigrams are long: ~40 ms for one misspelt surname at 100,000
 * persons, ~1 ms here), then the persons holding one of them, by equality, as given or family
 * name. The names go in as a list, so the planner sees how many and uses the name indexes. The
 * other words then only filter the candidates.
 */
async function findByName(tokens: string[], limit: number) {
  const prisma = await db();
  const lead = tokens.reduce((longest, token) => (token.length > longest.length ? token : longest));
  const similar = (await prisma.$queryRaw<{ name: string }[]>`SELECT DISTINCT "name" FROM "PersonName" WHERE "name" % ${lead}`).map((r) => r.name);
  if (similar.length === 0) return [];
  const matches = tokens.map((t) => Prisma.sql`("familyName" % ${t} OR "givenName" % ${t})`);
  const score = tokens.map(
    (t) => Prisma.sql`greatest(coalesce(similarity("familyName", ${t}), 0), coalesce(similarity("givenName", ${t}), 0))`,
  );
  const rows = await prisma.$queryRaw<{ id: string; score: number }[]>`
    WITH "candidate" AS MATERIALIZED (
      SELECT "id", "familyName", "givenName" FROM "Person" WHERE "familyName" = ANY(${similar}::text[]) AND "erasedAt" IS NULL
      UNION
      SELECT "id", "familyName", "givenName" FROM "Person" WHERE "givenName" = ANY(${similar}::text[]) AND "erasedAt" IS NULL
    )
    SELECT "id", (${Prisma.join(score, " + ")}) / ${tokens.length}::real AS score
    FROM "candidate"
    WHERE ${Prisma.join(matches, " AND ")}
    ORDER BY score DESC, "id"
    LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, score: Number(r.score) }));
}
