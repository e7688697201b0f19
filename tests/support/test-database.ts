// A fresh database per test file: in-memory PGlite, or a throw-away database on the
// PostgreSQL server named by TEST_DATABASE_URL (created here, dropped afterwards).
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { closeDatabase, installDatabase } from "@/lib/db/client";
import { openDatabase, type Database } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrate";

export interface TestDatabase {
  database: Database;
  /** The PostgreSQL URL of this database (postgres backend only), for child processes. */
  url?: string;
  drop(): Promise<void>;
}

export const testBackend = () => (process.env.TEST_DB_BACKEND === "postgres" ? "postgres" : "pglite");

/**
 * Creates an empty database (no migrations applied), or, given `template` (see
 * tests/support/database-template.ts), a copy of the migrated one.
 */
export async function createEmptyDatabase(template?: string): Promise<TestDatabase> {
  if (testBackend() === "pglite") {
    const database = await openDatabase({ pgliteDir: "memory://", loadDataDir: template ? new Blob([readFileSync(template)]) : undefined });
    return { database, drop: () => database.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `omadata_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 20 });
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** Creates a migrated database and makes it the process's database. */
export async function setupTestDatabase(): Promise<TestDatabase> {
  // Benchmarks use this too, outside Vitest, where there is no template.
  const test = await createEmptyDatabase(process.env.VITEST ? inject("databaseTemplate") : undefined);
  // Applies nothing when the template is current; a migration added since would still be applied.
  await migrate(test.database);
  installDatabase(test.database);
  return {
    ...test,
    async drop() {
      await closeDatabase().catch(() => {});
      await test.drop();
    },
  };
}
