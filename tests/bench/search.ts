// Customer search latency at 100,000 persons: searchPersons (the domain function the search page
// calls: role check, query classification, trigram and exact look-ups, the result rows) against
// the bare SQL that answers the same query (the ceiling), median and p95 per kind of query.
//   Part of `npm run bench` (run.ts), or alone: `npx tsx tests/bench/search.ts`
//   (BENCH_DATABASE_URL / TEST_DATABASE_URL for PostgreSQL, else PGlite; BENCH_SEARCH_PERSONS,
//   default 100000; BENCH_RUNS, default 5).
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import type { Database } from "@/lib/db/connection";
import { LARGE_FAMILY_NAMES, LARGE_GIVEN_NAMES } from "../../scripts/seed-large";

// The names of the large data (`npm run seed:large`): about 2,000 surnames, 50 given names.
const FAMILY = LARGE_FAMILY_NAMES;
const GIVEN = LARGE_GIVEN_NAMES;
const KINDS = ["misspelt surname", "given + family name", "email", "phone", "external id"] as const;

/** Names, phones, postal codes and CRM ids for the persons bench-0000001…; more persons up to `total`. */
export async function seedSearchData(database: Database, total: number) {
  await database.withConnection(async (sql) => {
    const existing = Number((await sql.query<{ n: string }>(`SELECT count(*) AS n FROM "Person" WHERE "id" LIKE 'bench-%'`))[0]!.n);
    if (existing < total) {
      await sql.query(
        `INSERT INTO "Person" ("id", "email", "createdAt", "updatedAt")
         SELECT 'bench-' || lpad(n::text, 7, '0'), 'bench-' || n || '@example.test', now(), now() FROM generate_series($1::int, $2::int) AS n`,
        [existing + 1, total],
      );
    }
    await sql.query(
      `UPDATE "Person" SET
         "familyName" = ($1::text[])[1 + (substr("id", 7)::int * 7 % array_length($1::text[], 1))],
         "givenName" = ($2::text[])[1 + (substr("id", 7)::int * 13 % array_length($2::text[], 1))],
         "phone" = '+35840' || lpad(substr("id", 7), 7, '0'),
         "postalCode" = lpad((substr("id", 7)::int % 990 * 100)::text, 5, '0')
       WHERE "id" LIKE 'bench-%'`,
      [FAMILY, GIVEN],
    );
    await sql.query(
      `INSERT INTO "ExternalIdentity" ("id", "personId", "system", "externalId", "linkedAt")
       SELECT 'bench-x-' || substr("id", 7), "id", 'crm', 'CRM-' || substr("id", 7)::int, now() FROM "Person" WHERE "id" LIKE 'bench-%'
       ON CONFLICT DO NOTHING`,
    );
    await sql.exec(`ANALYZE "Person"; ANALYZE "ExternalIdentity";`);
  });
}

const pick = <T,>(values: readonly T[]) => values[Math.floor(Math.random() * values.length)]!;
/** One letter of a surname replaced or dropped: the typo a support agent makes on the phone. */
export const misspell = (name: string) => {
  const at = 1 + Math.floor(Math.random() * (name.length - 2));
  return Math.random() < 0.5 ? name.slice(0, at) + name.slice(at + 1) : `${name.slice(0, at)}${name[at] === "e" ? "a" : "e"}${name.slice(at + 1)}`;
};

function query(kind: (typeof KINDS)[number], total: number): string {
  const n = 1 + Math.floor(Math.random() * total);
  if (kind === "misspelt surname") return misspell(pick(FAMILY));
  if (kind === "given + family name") return `${pick(GIVEN)} ${misspell(pick(FAMILY))}`;
  if (kind === "email") return `bench-${n}@example.test`;
  if (kind === "phone") return `040 ${String(n).padStart(7, "0")}`;
  return `CRM-${n}`;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

export interface SearchBenchRow {
  kind: string;
  median: number;
  p95: number;
  bareMedian: number;
}

/** The least SQL that answers the same question, for the ratio (the ceiling). */
function bareQuery(kind: (typeof KINDS)[number], q: string): [string, unknown[]] {
  const tokens = q.split(" ");
  if (kind === "misspelt surname") {
    return [`SELECT "id", greatest(similarity("familyName", $1), similarity("givenName", $1)) AS s FROM "Person" WHERE "familyName" % $1 OR "givenName" % $1 ORDER BY s DESC LIMIT 25`, [q]];
  }
  if (kind === "given + family name") {
    return [
      `SELECT "id", similarity("givenName", $1) + similarity("familyName", $2) AS s FROM "Person" WHERE ("familyName" % $1 OR "givenName" % $1) AND ("familyName" % $2 OR "givenName" % $2) ORDER BY s DESC LIMIT 25`,
      tokens,
    ];
  }
  if (kind === "email") return [`SELECT "id" FROM "Person" WHERE "email" = $1`, [q]];
  if (kind === "phone") return [`SELECT "id" FROM "Person" WHERE "phone" = $1`, [`+358${q.replace(/\D/g, "").slice(1)}`]];
  return [`SELECT "personId" FROM "ExternalIdentity" WHERE "externalId" = $1`, [q]];
}

/**
 * Times `searches` calls of searchPersons per kind of query, each beside the bare SQL for the same
 * query (the ceiling). Answers milliseconds.
 */
export async function measureSearch(database: Database, { total, searches = 60 }: { total: number; searches?: number }): Promise<SearchBenchRow[]> {
  const { searchPersons } = await import("@/lib/search/search-persons");
  const { startSearchSession } = await import("@/lib/search/start-search-session");
  const actor = { kind: "STAFF" as const, id: "bench-support", role: "SUPPORT" as const };
  // A search needs a stated reason; the timings include each search's audit entry.
  await startSearchSession({ actor, input: { reasonCode: "support_call" } });
  const rows: SearchBenchRow[] = [];
  for (const kind of KINDS) {
    const times: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < searches; i += 1) {
      const q = query(kind, total);
      const [sql, params] = bareQuery(kind, q);
      let start = performance.now();
      await database.withConnection((connection) => connection.query(sql, params));
      bare.push(performance.now() - start);
      start = performance.now();
      const found = await searchPersons({ actor, input: { q } });
      times.push(performance.now() - start);
      if (kind !== "misspelt surname" && kind !== "given + family name" && found.length === 0) throw new Error(`search bench: nothing found for a ${kind}`);
    }
    rows.push({ kind, median: percentile(times, 50), p95: percentile(times, 95), bareMedian: percentile(bare, 50) });
  }
  return rows;
}

export const formatSearchRows = (rows: SearchBenchRow[], total: number) =>
  rows.map((r) => `| customer search at ${total.toLocaleString("en")} persons: ${r.kind} | ${r.median.toFixed(1)} ms median, ${r.p95.toFixed(1)} ms p95 | ${r.bareMedian.toFixed(1)} ms (bare SQL) | ${(r.median / r.bareMedian).toFixed(2)} |`).join("\n");

/** Alone: a database of its own, seeded, medians of BENCH_RUNS runs. */
export async function run() {
  const env = process.env;
  const pgUrl = env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL;
  if (pgUrl) Object.assign(env, { TEST_DB_BACKEND: "postgres", TEST_DATABASE_URL: pgUrl });
  env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
  env.LOG_LEVEL ??= "warn";
  const total = Number(env.BENCH_SEARCH_PERSONS ?? 100_000);
  const runs = Number(env.BENCH_RUNS ?? 5);
  const { setupTestDatabase } = await import("../support/test-database");
  const t = await setupTestDatabase();
  try {
    const started = Date.now();
    console.log(`Seeding ${total} persons on ${t.url ? "PostgreSQL" : "PGlite"}…`);
    await seedSearchData(t.database, total);
    console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const all: SearchBenchRow[][] = [];
    for (let i = 1; i <= runs; i += 1) {
      all.push(await measureSearch(t.database, { total }));
      console.log(`run ${i}/${runs}: ${all.at(-1)!.map((r) => `${r.kind} ${r.median.toFixed(1)}/${r.p95.toFixed(1)} ms`).join(" · ")}`);
    }
    const med = (values: number[]) => percentile(values, 50);
    const rows = KINDS.map((kind, k) => ({ kind, median: med(all.map((r) => r[k]!.median)), p95: med(all.map((r) => r[k]!.p95)), bareMedian: med(all.map((r) => r[k]!.bareMedian)) }));
    console.log(`\nMedian of ${runs} runs, ${t.url ? "PostgreSQL" : "PGlite"}:\n\n| benchmark | Omadata | ceiling | ratio |\n|---|---|---|---|\n${formatSearchRows(rows, total)}`);
  } finally {
    await t.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await run();
