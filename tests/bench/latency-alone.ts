// `npm run bench:latency`: the customer's profile page, the staff search page and the bulk
// consent check of 1,000 persons, each kind alone (one request at a time), against one app instance over the production build on
// the large data, as `npm run bench:load` measures them beside its mix. Prints p50/p95 per kind
// (the median over LATENCY_ROUNDS rounds of LATENCY_REQUESTS requests each) and its target.
//   LATENCY_DATABASE_URL: the database (default `omadata_latency` on BENCH_DATABASE_URL /
//   TEST_DATABASE_URL / the local server, created and seeded with the large data when missing).
//   NEXT_DIST_DIR: the build to run (built when missing or older than the sources, unless
//   LATENCY_NO_BUILD=1: to compare a build of the code before a change with one after it).
//   LATENCY_ROUNDS (5), LATENCY_REQUESTS (40), LATENCY_PERSONS (100000).
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import { benchDatabase, deploymentEnv, percentile, startAppInstance } from "./cluster";

const env = process.env;
const rounds = Number(env.LATENCY_ROUNDS ?? 5);
const perRound = Number(env.LATENCY_REQUESTS ?? 40);
const persons = Number(env.LATENCY_PERSONS ?? 100_000);
/** Each kind's p95 target (issue: profile page ≤ 100 ms, staff search and bulk check ≤ 50 ms). */
const TARGET_MS: Record<string, number> = { "profile page": 100, "staff search page": 50, "bulk consent check (1,000 persons)": 50 };
const CUSTOMERS = 50;

const databaseUrl = env.LATENCY_DATABASE_URL ?? (await benchDatabase("omadata_latency"));
const deployment = deploymentEnv(databaseUrl);
Object.assign(env, deployment);

const { buildIfNeeded } = await import("../../scripts/build-if-needed");
const { getDatabase, closeDatabase } = await import("@/lib/db/client");
const { migrate } = await import("@/lib/db/migrate");
const { seedLargeData, largePersonId, LARGE_FAMILY_NAMES } = await import("../../scripts/seed-large");
const { createKey, createSystem } = await import("../factories/systems");
const { startSearchSession } = await import("@/lib/search/start-search-session");
const { misspell } = await import("./search");

if (env.LATENCY_NO_BUILD !== "1" && buildIfNeeded() !== 0) throw new Error("next build failed");
const database = await getDatabase();
await migrate(database);
const seed = await seedLargeData(database, persons);
if (seed.seeded) console.log(`seeded the large data in ${seed.seconds.toFixed(0)} s`);

// Customers and a support agent signed in (database sessions), the agent with a search session
// open; a system's key.
const token = randomBytes(32).toString("hex");
const staffId = randomUUID();
const customerTokens: string[] = [];
await database.withConnection(async (sql) => {
  for (let i = 0; i < CUSTOMERS; i += 1) {
    const [user] = await sql.query<{ id: string }>(
      `INSERT INTO "User" ("id", "email", "emailVerified", "role", "personId", "createdAt", "updatedAt")
       SELECT $1, p."email", now(), 'CUSTOMER', p."id", now(), now() FROM "Person" p WHERE p."id" = $2
       ON CONFLICT ("personId") DO UPDATE SET "updatedAt" = now() RETURNING "id"`,
      [randomUUID(), largePersonId(1 + Math.floor(Math.random() * persons))],
    );
    const customerToken = randomBytes(32).toString("hex");
    await sql.query(`INSERT INTO "Session" ("id", "sessionToken", "userId", "expires", "createdAt", "updatedAt") VALUES ($1, $2, $3, now() + interval '1 day', now(), now())`, [randomUUID(), customerToken, user!.id]);
    customerTokens.push(customerToken);
  }
  await sql.query(`INSERT INTO "User" ("id", "email", "emailVerified", "role", "createdAt", "updatedAt") VALUES ($1, $2, now(), 'SUPPORT', now(), now())`, [staffId, `latency-${staffId}@example.test`]);
  await sql.query(`INSERT INTO "Session" ("id", "sessionToken", "userId", "expires", "createdAt", "updatedAt") VALUES ($1, $2, $3, now() + interval '1 day', now(), now())`, [randomUUID(), token, staffId]);
});
await startSearchSession({ actor: { kind: "STAFF", id: staffId, role: "SUPPORT" }, input: { reasonCode: "support_call" } });
// The large data's CRM ids belong to system "crm": the check's CRM ids resolve, all 1,000 persons.
const system = (await database.prisma.connectedSystem.findUnique({ where: { key: "crm" }, select: { id: true } })) ?? (await createSystem({ key: "crm", kind: "CRM", webhookUrl: "", eventTypes: [] }));
const apiKey = await createKey(system.id, ["consents:read"]);
const purposes = (await database.prisma.purpose.findMany({ where: { retiredAt: null, currentVersion: { gt: 0 } }, select: { key: true } })).map((p) => p.key).slice(0, 3);

const pick = <T,>(values: readonly T[]) => values[Math.floor(Math.random() * values.length)]!;
// The same requests as bench:load's: half misspelt surnames, half CRM ids; ids and CRM ids mixed.
const kinds = [
  {
    name: "profile page",
    request: () => ({ path: "/profile", init: { headers: { cookie: `authjs.session-token=${pick(customerTokens)}` } } as RequestInit }),
    ok: (status: number, body: string) => status === 200 && body.includes('data-field="email"') && body.includes("</html>"),
  },
  {
    name: "staff search page",
    request: () => ({
      path: `/admin/persons?q=${encodeURIComponent(Math.random() < 0.5 ? misspell(pick(LARGE_FAMILY_NAMES)) : `LCRM-${1 + Math.floor(Math.random() * persons)}`)}`,
      init: { headers: { cookie: `authjs.session-token=${token}` } } as RequestInit,
    }),
    ok: (status: number, body: string) => status === 200 && body.includes('data-testid="search-reason"') && body.includes("</html>"),
  },
  {
    name: "bulk consent check (1,000 persons)",
    request: () => {
      const start = Math.floor(Math.random() * (persons - 1000));
      const refs = Array.from({ length: 1000 }, (_, i) => (i % 2 ? { id: largePersonId(start + i + 1) } : { externalId: `LCRM-${start + i + 1}` }));
      return {
        path: "/api/v1/consents/check",
        init: { method: "POST", headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" }, body: JSON.stringify({ purposes, persons: refs }) } as RequestInit,
      };
    },
    ok: (status: number, body: string) => status === 200 && body.startsWith('{"results":['),
  },
];

// The system's key has no webhooks: nothing but these requests runs on the instance.
const app = await startAppInstance("app", Number(env.LATENCY_PORT ?? 4321), deployment);
const time = async (kind: (typeof kinds)[number]) => {
  const { path, init } = kind.request();
  const start = performance.now();
  const response = await fetch(`${app.url}${path}`, init);
  const body = await response.text();
  const ms = performance.now() - start;
  if (!kind.ok(response.status, body)) throw new Error(`${kind.name}: ${response.status} ${body.slice(0, 300)}`);
  return ms;
};
// The app process's CPU time (user + system, in clock ticks of 10 ms): less noisy than latency here.
const cpuMs = () => {
  const fields = readFileSync(`/proc/${app.child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
try {
  // Warm-up: code loaded, caches filled, V8 optimised.
  for (const kind of kinds) for (let i = 0; i < 30; i += 1) await time(kind);
  const results = new Map(kinds.map((k) => [k.name, { p50: [] as number[], p95: [] as number[], cpu: [] as number[] }]));
  for (let round = 0; round < rounds; round += 1) {
    for (const kind of kinds) {
      const latencies: number[] = [];
      const cpuBefore = cpuMs();
      for (let i = 0; i < perRound; i += 1) latencies.push(await time(kind));
      results.get(kind.name)!.cpu.push((cpuMs() - cpuBefore) / perRound);
      results.get(kind.name)!.p50.push(percentile(latencies, 50));
      results.get(kind.name)!.p95.push(percentile(latencies, 95));
    }
  }
  const median = (values: number[]) => percentile(values, 50);
  console.log(`\n${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model.trim()}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}, Node.js ${process.version}`);
  console.log(`each kind alone, one request at a time; median over ${rounds} rounds of ${perRound} requests (p50s, p95s of each round):\n`);
  console.log("| kind | p50 | p95 | p95 target | app CPU per request |\n|---|---|---|---|---|");
  for (const [name, r] of results) {
    const p95 = median(r.p95);
    const target = TARGET_MS[name]!;
    console.log(`| ${name} | ${median(r.p50).toFixed(0)} ms | ${p95.toFixed(0)} ms | ≤ ${target} ms: ${p95 <= target ? "met" : "missed"} | ${median(r.cpu).toFixed(1)} ms |`);
  }
  console.log(`\nrounds: ${[...results].map(([name, r]) => `${name} p95 ${r.p95.map((v) => v.toFixed(0)).join("/")}`).join("; ")}`);
} finally {
  await app.stop();
  await closeDatabase();
}
