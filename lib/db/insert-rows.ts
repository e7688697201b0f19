import type { Tx } from "./types";

/** A column's SQL type; enums as `enum:Name`. */
export type ColumnType = "text" | "int" | "boolean" | "timestamp" | "date" | "jsonb" | `enum:${string}`;

const ROWS_PER_STATEMENT = 5000;

const asText = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
};
const cast = (type: ColumnType) => (type.startsWith("enum:") ? `"${type.slice(5)}"` : type);

/**
 * Inserts many rows with one statement per 5,000: each column is sent as one text array and
 * unnested, instead of one bind parameter per value (what createMany does, and what makes a
 * bulk insert slow on PGlite). Table and column names come from the caller's code, never from
 * input; values are parameters. Dates are ISO text cast to timestamp: UTC, like Prisma's columns.
 */
export async function insertRows(tx: Pick<Tx, "$executeRawUnsafe">, table: string, columns: Record<string, ColumnType>, rows: Record<string, unknown>[]): Promise<void> {
  const names = Object.keys(columns);
  const quoted = names.map((n) => `"${n}"`).join(", ");
  const selected = names.map((n, i) => `c${i}::${cast(columns[n]!)}`).join(", ");
  const unnested = names.map((_, i) => `$${i + 1}::text[]`).join(", ");
  const aliases = names.map((_, i) => `c${i}`).join(", ");
  const sql = `INSERT INTO "${table}" (${quoted}) SELECT ${selected} FROM unnest(${unnested}) AS u(${aliases})`;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const slice = rows.slice(start, start + ROWS_PER_STATEMENT);
    await tx.$executeRawUnsafe(sql, ...names.map((n) => slice.map((row) => asText(row[n]))));
  }
}
