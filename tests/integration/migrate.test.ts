import { createHash } from "node:crypto";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/connection";
import { getMigrationStatus, migrate, MigrationError } from "@/lib/db/migrate";
import { createEmptyDatabase, testBackend, type TestDatabase } from "../support/test-database";

const SOURCE = path.resolve("prisma/migrations");
const migrationNames = () => readdirSync(SOURCE, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

interface LedgerRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}
const ledger = (database: Database) =>
  database.withConnection((sql) =>
    sql.query<LedgerRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`),
  );
const tableExists = async (database: Database, table: string) =>
  (await database.withConnection((sql) => sql.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [`"${table}"`])))[0]!.present;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
async function freshDatabase(): Promise<TestDatabase> {
  const t = await createEmptyDatabase();
  cleanups.push(() => t.drop());
  return t;
}
function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "omadata-migrations-"));
  cpSync(SOURCE, dir, { recursive: true });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe("migrate", () => {
  it("applies every migration to a fresh database with a ledger row and checksum each, then nothing", async () => {
    const { database } = await freshDatabase();
    const names = migrationNames();
    expect(names.length).toBeGreaterThan(0);

    expect(await migrate(database)).toEqual({ applied: names });
    const rows = await ledger(database);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      expect(row.checksum).toBe(sha256(path.join(SOURCE, row.migration_name, "migration.sql")));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect(await tableExists(database, "Person")).toBe(true);

    expect(await migrate(database)).toEqual({ applied: [] });
    expect(await ledger(database)).toHaveLength(names.length);
    expect(await getMigrationStatus(database)).toEqual({ applied: names.length, pending: [] });
  });

  it("refuses a migration that was edited after it was applied, and changes nothing", async () => {
    const { database } = await freshDatabase();
    const dir = copyOfMigrations();
    await migrate(database, dir);
    const [first] = migrationNames();
    const before = await ledger(database);

    appendFileSync(path.join(dir, first!, "migration.sql"), '\nCREATE TABLE "Sneaky" ("id" TEXT);\n');
    const refusal = migrate(database, dir);
    await expect(refusal).rejects.toBeInstanceOf(MigrationError);
    await expect(refusal).rejects.toThrow(new RegExp(`${first}.*edited`));
    expect(await tableExists(database, "Sneaky")).toBe(false);
    expect(await ledger(database)).toEqual(before);
    expect((await getMigrationStatus(database, dir)).problem).toContain(first);
  });

  it("rolls a failing migration back entirely: no ledger row, no partial table; fixed, it applies", async () => {
    const { database } = await freshDatabase();
    const dir = copyOfMigrations();
    const broken = "29991231000000_broken";
    mkdirSync(path.join(dir, broken));
    const file = path.join(dir, broken, "migration.sql");
    writeFileSync(file, `CREATE TABLE "Partial" ("id" TEXT PRIMARY KEY);\nINSERT INTO "Partial" VALUES ('a');\nSELECT 1 / 0;\n`);

    const failure = migrate(database, dir);
    await expect(failure).rejects.toBeInstanceOf(MigrationError);
    await expect(failure).rejects.toThrow(broken);
    expect(await tableExists(database, "Partial")).toBe(false);
    // The migrations before it are applied and recorded; the broken one is not.
    expect((await ledger(database)).map((r) => r.migration_name)).toEqual(migrationNames());
    expect((await getMigrationStatus(database, dir)).pending).toEqual([broken]);

    writeFileSync(file, `CREATE TABLE "Partial" ("id" TEXT PRIMARY KEY);\n`);
    expect(await migrate(database, dir)).toEqual({ applied: [broken] });
    expect(await tableExists(database, "Partial")).toBe(true);
  });

  it("lets two migrators started at once apply each migration exactly once", async () => {
    const t = await freshDatabase();
    // PostgreSQL: two separate pools (as two app instances would have). PGlite is one process
    // with one database handle, so both migrators share it.
    let other = t.database;
    if (testBackend() === "postgres") {
      other = await openDatabase({ databaseUrl: t.url!, poolSize: 2 });
      cleanups.push(() => other.close());
    }
    const results = await Promise.all([migrate(t.database), migrate(other)]);

    const names = migrationNames();
    expect(results.map((r) => r.applied).sort((a, b) => a.length - b.length)).toEqual([[], names]);
    const rows = await ledger(t.database);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    expect(await tableExists(t.database, "AuditEntry")).toBe(true);
  });
});

describe("the ledger", () => {
  it("is Prisma's _prisma_migrations table", async () => {
    const { database } = await freshDatabase();
    await migrate(database);
    const columns = await database.withConnection((sql) =>
      sql.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY column_name`,
      ),
    );
    expect(columns.map((c) => c.column_name)).toEqual(
      ["applied_steps_count", "checksum", "finished_at", "id", "logs", "migration_name", "rolled_back_at", "started_at"],
    );
  });
});
