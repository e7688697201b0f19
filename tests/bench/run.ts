// `npm run bench`: webhook fan-out, bulk consent check and customer search, each against its ceiling on the same
// machine in the same run (a plain HTTP POST loop to the same receiver; a bare SQL query of the
// same data), printed as ratios, median of several runs. Loopback only, bounded in time.
//   BENCH_DATABASE_URL or TEST_DATABASE_URL: PostgreSQL (a throw-away database); else PGlite.
//   BENCH_PERSONS (100000 on PostgreSQL, 20000 on PGlite), BENCH_RUNS (5), BENCH_EVENTS (2000),
//   BENCH_SECONDS (3: each consent-check measurement), BENCH_CONCURRENCY (16),
//   BENCH_SEARCH_PERSONS (100000: customer search, see search.ts), BENCH_ONLY=fan-out (that one alone).
import os from "node:os";
import { randomBytes } from "node:crypto";
import { overrideConfig } from "@/lib/config";
import { deliverJob } from "@/lib/propagation/propagation-jobs";
import { startWorker } from "@/lib/worker/run-worker";
import { setupTestDatabase } from "../support/test-database";
import { createPublishedPurpose } from "../factories/purposes";
import { createKey, createSystem } from "../factories/systems";
import { measureConsentCheck } from "./consent-check";
import { measureFanOut } from "./fan-out";
import { formatSearchRows, measureSearch, seedSearchData } from "./search";
import { seedBenchData } from "./seed";

const env = process.env;
const pgUrl = env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL;
if (pgUrl) Object.assign(env, { TEST_DB_BACKEND: "postgres", TEST_DATABASE_URL: pgUrl });
env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
env.LOG_LEVEL ??= "warn";
const persons = Number(env.BENCH_PERSONS ?? (pgUrl ? 100_000 : 20_000));
const runs = Number(env.BENCH_RUNS ?? 5);
const events = Number(env.BENCH_EVENTS ?? 2000);
const seconds = Number(env.BENCH_SECONDS ?? 3);
const concurrency = Number(env.BENCH_CONCURRENCY ?? 16);
const fanOutOnly = env.BENCH_ONLY === "fan-out";

overrideConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", WEBHOOK_CONCURRENCY: String(concurrency), API_RATE_LIMIT_PER_MINUTE: "100000000", WEBHOOK_TIMEOUT_MS: "15000" });
const t = await setupTestDatabase();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const started = Date.now();
try {
  console.log(`Seeding ${persons} persons on ${t.url ? "PostgreSQL" : "PGlite"}…`);
  const purposes = [await createPublishedPurpose(), await createPublishedPurpose(), await createPublishedPurpose({ legalBasis: "LEGITIMATE_INTEREST", channel: "NONE" })];
  await seedBenchData(t.database, persons, purposes);
  const system = await createSystem({ key: `bench-${randomBytes(3).toString("hex")}` });
  const key = await createKey(system.id, ["consents:read"]);

  const fan: { ours: number; ceiling: number }[] = [];
  const check: { ours: number; ceiling: number }[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const worker = startWorker(t.database.prisma, { pollMs: 10, jobs: [deliverJob] });
    fan.push(await measureFanOut(t.database, { events, concurrency }));
    await worker.stop();
    check.push(fanOutOnly ? { ours: 0, ceiling: 1 } : await measureConsentCheck(t.database, { key, persons, purposes, seconds, concurrency: 4 }));
    console.log(`run ${run}/${runs}: fan-out ${fan.at(-1)!.ours.toFixed(0)}/s vs ${fan.at(-1)!.ceiling.toFixed(0)}/s · consent check ${check.at(-1)!.ours.toFixed(1)}/s vs ${check.at(-1)!.ceiling.toFixed(1)}/s`);
  }
  // Customer search at BENCH_SEARCH_PERSONS (100,000) persons: the seeded ones named, more added.
  const searchTotal = Number(env.BENCH_SEARCH_PERSONS ?? 100_000);
  if (!fanOutOnly) await seedSearchData(t.database, searchTotal);
  const search = fanOutOnly ? null : await measureSearch(t.database, { total: searchTotal, searches: 60 * runs });
  const row = (name: string, unit: string, values: { ours: number; ceiling: number }[]) => {
    const ratio = median(values.map((v) => v.ours / v.ceiling));
    return `| ${name} | ${median(values.map((v) => v.ours)).toFixed(1)} ${unit} | ${median(values.map((v) => v.ceiling)).toFixed(1)} ${unit} | ${ratio.toFixed(2)} |`;
  };
  console.log(`
Machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}, ${t.url ? "PostgreSQL" : "PGlite"}, ${persons} persons, ${new Date().toISOString().slice(0, 10)}
Median of ${runs} runs (${((Date.now() - started) / 1000).toFixed(0)} s in all).

| benchmark | Omadata | ceiling | ratio |
|---|---|---|---|
${row(`webhook fan-out, ${events} events → 1 system (worker concurrency ${concurrency})`, "deliveries/s", fan)}
${fanOutOnly ? "" : row("bulk consent check, 1,000 persons × 3 purposes per call", "calls/s", check)}
${search ? formatSearchRows(search, searchTotal) : ""}`);
} finally {
  await t.drop();
}
