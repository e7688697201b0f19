// Reads the shape of a migrated database (public schema) from the catalogue, in the form that
// tests/support/prisma-schema.ts compares with schema.prisma. The migrator's ledger is left out.
import type { SqlConnection } from "@/lib/db/connection";
import type { SchemaShape, TableShape } from "./prisma-schema";

const LEDGER = "_prisma_migrations";

export async function readDatabaseShape(sql: SqlConnection): Promise<SchemaShape> {
  const tables = await sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> $1 ORDER BY table_name`,
    [LEDGER],
  );
  const columns = await sql.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string; column_default: string | null }>(
    `SELECT table_name, column_name, udt_name, is_nullable, column_default FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> $1 ORDER BY table_name, ordinal_position`,
    [LEDGER],
  );
  // One row per index; an expression or partial index cannot be written in schema.prisma, so it
  // is reported with a marker that never matches. A method other than btree (a trigram GIN index)
  // is reported with its operator classes, as tests/support/prisma-schema.ts expects.
  const indexes = await sql.query<{ table_name: string; is_unique: boolean; is_primary: boolean; columns: string[]; odd: boolean; method: string; opclasses: string[] }>(
    `SELECT t.relname AS table_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
            (ix.indexprs IS NOT NULL OR ix.indpred IS NOT NULL) AS odd,
            (SELECT json_agg(a.attname::text ORDER BY k.ord)
               FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS columns,
            am.amname::text AS method,
            (SELECT json_agg(oc.opcname::text ORDER BY k.ord)
               FROM unnest(ix.indclass::oid[]) WITH ORDINALITY AS k(opclass, ord)
               JOIN pg_opclass oc ON oc.oid = k.opclass) AS opclasses
     FROM pg_index ix
     JOIN pg_class t ON t.oid = ix.indrelid
     JOIN pg_class i ON i.oid = ix.indexrelid
     JOIN pg_am am ON am.oid = i.relam
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND t.relname <> $1`,
    [LEDGER],
  );
  const enumRows = await sql.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, json_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public' GROUP BY t.typname`,
  );
  const shapes = tables.map(({ table_name }): TableShape => {
    const own = indexes.filter((i) => i.table_name === table_name);
    const cols = (i: (typeof own)[number]) => [
      ...(i.columns ?? []),
      ...(i.odd ? ["<expression or partial>"] : []),
      ...(i.method !== "btree" ? [`using ${i.method}(${(i.opclasses ?? []).join(",")})`] : []),
    ];
    return {
      name: table_name,
      columns: columns
        .filter((c) => c.table_name === table_name)
        .map((c) => ({ name: c.column_name, type: c.udt_name, nullable: c.is_nullable === "YES", hasDefault: c.column_default !== null })),
      primaryKey: own.find((i) => i.is_primary)?.columns ?? null,
      uniques: own.filter((i) => i.is_unique).map(cols),
      indexes: own.filter((i) => !i.is_unique).map(cols),
    };
  });
  return { tables: shapes, enums: Object.fromEntries(enumRows.map((e) => [e.name, e.labels])) };
}
