// Applies the SQL migrations in prisma/migrations (Prisma's folder layout) with a ledger that
// matches Prisma's `_prisma_migrations`, so `prisma migrate deploy` elsewhere agrees with it.
// One transaction per migration; an advisory lock (Prisma's own key) so that instances
// starting together take turns; a checksum check that refuses an edited, applied migration.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Database, SqlConnection } from "./connection";

const MIGRATION_LOCK_KEY = 72707369;

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export const defaultMigrationsDir = () => path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");

export function readMigrations(dir = defaultMigrationsDir()): Migration[] {
  return readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((name) => statSync(path.join(/*turbopackIgnore: true*/ dir, name)).isDirectory())
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(/*turbopackIgnore: true*/ dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const LEDGER_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface LedgerRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

async function readLedger(sql: SqlConnection): Promise<LedgerRow[]> {
  const exists = await sql.query<{ present: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`);
  if (!exists[0]?.present) return [];
  return sql.query<LedgerRow>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
}

/** Refuses a ledger that disagrees with the files: an edited or a half-applied migration. */
function checkLedger(migrations: Migration[], ledger: LedgerRow[]): Migration[] {
  const pending: Migration[] = [];
  for (const migration of migrations) {
    const row = ledger.find((r) => r.migration_name === migration.name);
    if (!row) {
      pending.push(migration);
      continue;
    }
    if (!row.finished_at) throw new MigrationError(`Migration ${migration.name} failed earlier and must be resolved by hand.`);
    if (row.checksum !== migration.checksum) {
      throw new MigrationError(`Migration ${migration.name} was edited after it was applied (checksum mismatch). Write a new migration instead.`);
    }
  }
  return pending;
}

export interface MigrateResult {
  applied: string[];
}

export async function migrate(database: Pick<Database, "withConnection">, dir = defaultMigrationsDir()): Promise<MigrateResult> {
  const migrations = readMigrations(dir);
  return database.withConnection(async (sql) => {
    await sql.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK_KEY]);
    try {
      await sql.exec(LEDGER_DDL);
      const pending = checkLedger(migrations, await readLedger(sql));
      for (const migration of pending) await applyOne(sql, migration);
      return { applied: pending.map((m) => m.name) };
    } finally {
      await sql.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK_KEY]);
    }
  });
}

async function applyOne(sql: SqlConnection, migration: Migration): Promise<void> {
  await sql.exec("BEGIN");
  try {
    await sql.exec(migration.sql);
    await sql.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await sql.exec("COMMIT");
  } catch (error) {
    await sql.exec("ROLLBACK");
    throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
  }
}

export interface MigrationStatus {
  applied: number;
  pending: string[];
  problem?: string;
}

export async function getMigrationStatus(database: Database, dir = defaultMigrationsDir()): Promise<MigrationStatus> {
  const migrations = readMigrations(dir);
  return database.withConnection(async (sql) => {
    const ledger = await readLedger(sql);
    try {
      const pending = checkLedger(migrations, ledger);
      return { applied: migrations.length - pending.length, pending: pending.map((m) => m.name) };
    } catch (error) {
      return { applied: ledger.length, pending: [], problem: (error as Error).message };
    }
  });
}
