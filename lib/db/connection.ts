// Opens the database: PostgreSQL through @prisma/adapter-pg when a URL is given, else embedded
// PGlite (on disk, or in memory for tests). Also gives the migrator a raw SQL connection.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";

/** A raw connection: parameterised queries, and multi-statement scripts. */
export interface SqlConnection {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  exec(script: string): Promise<void>;
}

/** A connection pool's use at one moment. */
export interface PoolUse {
  /** The most connections the pool opens. */
  max: number;
  /** Connections open now, and of them those idle. */
  open: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
}

export interface Database {
  kind: "postgres" | "pglite";
  prisma: PrismaClient;
  /** The pool's use (for /metrics); null for PGlite, one embedded connection with no pool. */
  poolUse(): PoolUse | null;
  /** Runs `work` on one dedicated connection (session-level locks hold across its queries). */
  withConnection<T>(work: (sql: SqlConnection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { databaseUrl: string; poolSize?: number }
  /** `loadDataDir`: a data directory dumped by PGlite (`dumpDataDir`) to start from instead of an empty one. */
  | { pgliteDir: string | "memory://"; loadDataDir?: Blob };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return "databaseUrl" in target ? openPostgres(target.databaseUrl, target.poolSize) : openPglite(target.pgliteDir, target.loadDataDir);
}

function openPostgres(connectionString: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client that loses its server (restart, failover) must not crash the process.
  pool.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    prisma,
    poolUse: () => ({ max: poolSize, open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async withConnection(work) {
      const client = await pool.connect();
      try {
        return await work({
          query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
          exec: async (script) => void (await client.query(script)),
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}

export const pgliteExtensions = { pg_trgm };

async function openPglite(dir: string, loadDataDir?: Blob): Promise<Database> {
  if (dir !== "memory://") mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir, { extensions: pgliteExtensions, loadDataDir });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const sql: SqlConnection = {
    query: async (text, params) => (await pglite.query(text, params as unknown[])).rows as never,
    exec: async (script) => void (await pglite.exec(script)),
  };
  // PGlite has one session, where advisory locks are re-entrant: queue the callers so two
  // migrators in one process cannot interleave inside each other's transactions.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: "pglite",
    prisma,
    poolUse: () => null,
    withConnection(work) {
      const run = queue.then(() => work(sql));
      queue = run.catch(() => {});
      return run;
    },
    async close() {
      await prisma.$disconnect();
      // The adapter may already have closed it on disconnect.
      if (!pglite.closed) await pglite.close();
    },
  };
}
