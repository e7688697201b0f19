// A fresh database per test file: in-memory PGlite, or a throw-away database on the
// PostgreSQL server named by TEST_DATABASE_URL (created here, dropped afterwards).
import { randomBytes } from "node:crypto";
import pg from "pg";
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

/** Creates an empty database (no migrations applied). */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  if (testBackend() === "pglite") {
    const database = await openDatabase({ pgliteDir: "memory://" });
    return { database, drop: () => database.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `omadata_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
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
  const test = await createEmptyDatabase();
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
