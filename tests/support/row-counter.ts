// For "nothing half-written" checks: one query counting the rows of every table, plus the sum of
// Person.sequence (a refused call must not bump a person's sequence either). RateLimit is left out:
// its counters count every attempt, refused ones included.
import type { Database } from "@/lib/db/connection";

export async function rowCounter(database: Database) {
  const excluded = new Set(["RateLimit"]);
  const tables = (await database.prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS "name" FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`)
    .map((row) => row.name)
    .filter((name) => !excluded.has(name));
  const sql = `SELECT ${tables.map((name) => `(SELECT count(*)::int FROM "${name}") AS "${name}"`).join(", ")},
    (SELECT coalesce(sum("sequence"), 0)::int FROM "Person") AS "Person.sequence"`;
  return async () => (await database.withConnection((connection) => connection.query<Record<string, number>>(sql)))[0]!;
}
