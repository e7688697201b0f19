import type { Database } from "@/lib/db/connection";
import { callApi } from "../support/api-server";
import { benchPersonId } from "./seed";

const BATCH = 1000;

/** Runs `call` with `concurrency` loops for `seconds`; answers calls per second. */
async function rate(seconds: number, concurrency: number, call: () => Promise<void>) {
  const end = performance.now() + seconds * 1000;
  let calls = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await call();
        calls += 1;
      }
    }),
  );
  return calls / ((performance.now() - start) / 1000);
}

const randomIds = (persons: number) => Array.from({ length: BATCH }, () => benchPersonId(1 + Math.floor(Math.random() * persons)));

/**
 * POST /api/v1/consents/check (the route handler: key, rate limit, validation, evaluation) with
 * 1,000 random persons against a bare SQL query that reads the same persons' states.
 */
export async function measureConsentCheck(database: Database, { key, persons, purposes, seconds, concurrency }: { key: string; persons: number; purposes: string[]; seconds: number; concurrency: number }) {
  const ours = await rate(seconds, concurrency, async () => {
    const body = JSON.stringify({ purposes, persons: randomIds(persons).map((id) => ({ id })) });
    const response = await callApi(new Request("http://localhost/api/v1/consents/check", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body }));
    if (response.status !== 200) throw new Error(`consent check answered ${response.status}`);
    await response.arrayBuffer();
  });
  const ceiling = await rate(seconds, concurrency, () =>
    database.withConnection(async (sql) => {
      await sql.query(
        `SELECT p."id", s."purposeId", s."status", s."version"
         FROM "Person" p
         LEFT JOIN "ConsentState" s ON s."personId" = p."id" AND s."purposeId" IN (SELECT "id" FROM "Purpose" WHERE "key" = ANY($2))
         WHERE p."id" = ANY($1)`,
        [randomIds(persons), purposes],
      );
    }),
  );
  return { ours, ceiling };
}
