// The process's one database, opened lazily on first use (never at import: `next build`
// imports route modules) and kept on globalThis so dev reloads and the in-process worker share
// it; PGlite allows one instance per data directory per process.
import path from "node:path";
import { getConfig } from "../config";
import { openDatabase, type Database } from "./connection";
import type { PrismaClient } from "./generated/client";

const holder = globalThis as unknown as { __omadataDb?: Promise<Database>; __omadataDbReady?: Database };

export function getDatabase(): Promise<Database> {
  holder.__omadataDb ??= (async () => {
    const config = getConfig();
    const database = await openDatabase(
      config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : { pgliteDir: path.resolve(config.DATA_DIR, "pglite") },
    );
    holder.__omadataDbReady = database;
    return database;
  })();
  return holder.__omadataDb;
}

/** The Prisma client of the process's database. */
export async function db(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

/** Makes `database` the process's database (tests, scripts with a database of their own). */
export function installDatabase(database: Database): void {
  holder.__omadataDb = Promise.resolve(database);
  holder.__omadataDbReady = database;
}

export async function closeDatabase(): Promise<void> {
  const current = holder.__omadataDb;
  holder.__omadataDb = undefined;
  holder.__omadataDbReady = undefined;
  if (current) await (await current).close();
}
