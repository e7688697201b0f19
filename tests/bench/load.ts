// `npm run bench:load`: two app instances and two standalone workers on one PostgreSQL holding the
// large data (`npm run seed:large`), driven for 60 s on loopback by a mix of signed-in customers
// reading their data and switching consents, support staff searching, and a connected system
// calling the bulk consent check and posting corrections. Prints p50/p95/p99 and errors per kind,
// the webhook backlog at the end, and each target met or missed; beside them, each kind's latency
// alone (one request at a time, after the warm-up), which tells service time from contention.
//   BENCH_DATABASE_URL / TEST_DATABASE_URL: the PostgreSQL server (default the local one); the
//   bench uses a database of its own on it, `omadata_load` (LOAD_FRESH=1 recreates it).
//   LOAD_SECONDS (60), LOAD_PERSONS (100000), LOAD_RATES (requests per second of each kind, over
//   both instances: "profile=8,consents=2,search=2,check=2,corrections=4"). An open model:
//   requests arrive at random (Poisson) times at those mean rates, like users who don't wait for
//   each other, so latency shows the service at that load rather than a queue the driver builds.
import { randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import os from "node:os";
import type { AddressInfo } from "node:net";
import { benchDatabase, deploymentEnv, percentile, startAppInstance, startWorkerService, type ChildService } from "./cluster";

const env = process.env;
const seconds = Number(env.LOAD_SECONDS ?? 60);
const persons = Number(env.LOAD_PERSONS ?? 100_000);
const rates = Object.fromEntries(
  (env.LOAD_RATES ?? "profile=8,consents=2,search=2,check=2,corrections=4").split(",").map((pair) => pair.split("=")).map(([k, v]) => [k, Number(v)]),
) as Record<string, number>;
const CUSTOMERS = 500;
const TARGETS: Record<string, number> = { "profile page": 100, "staff search": 50, "bulk consent check (1,000 persons)": 50 };

const databaseUrl = await benchDatabase("omadata_load", { fresh: env.LOAD_FRESH === "1" });
// The workers poll at the production default (1 s when idle; with a backlog they loop at once).
const deployment = deploymentEnv(databaseUrl, { WEBHOOK_CONCURRENCY: "16" });
// This process creates the fixtures with the deployment's own secrets (sealed webhook secrets).
Object.assign(env, deployment);

const { buildIfNeeded } = await import("../../scripts/build-if-needed");
const { getDatabase, closeDatabase } = await import("@/lib/db/client");
const { migrate } = await import("@/lib/db/migrate");
const { seedLargeData, largePersonId, LARGE_FAMILY_NAMES } = await import("../../scripts/seed-large");
const { createKey, createSystem } = await import("../factories/systems");
const { misspell } = await import("./search");
const { eventTypes } = await import("@/lib/propagation/event-types");

if (buildIfNeeded() !== 0) throw new Error("next build failed");
const database = await getDatabase();
await migrate(database);
console.log(`Database omadata_load on ${new URL(databaseUrl).host}: seeding the large data when missing…`);
const seed = await seedLargeData(database, persons);
console.log(seed.seeded ? `seeded in ${seed.seconds.toFixed(0)} s` : "large data already there", Object.entries(seed.counts).map(([t, n]) => `${t} ${n.toLocaleString("en")}`).join(", "));

// ── Fixtures: customers and staff signed in (database sessions), a connected system with a key ──
const sessionToken = () => randomBytes(32).toString("hex");
const customerNumbers = Array.from({ length: CUSTOMERS }, () => 1 + Math.floor(Math.random() * persons));
const customerTokens: string[] = [];
const staffTokens: string[] = [];
const staffIds: string[] = [];
await database.withConnection(async (sql) => {
  for (const n of customerNumbers) {
    const [user] = await sql.query<{ id: string }>(
      `INSERT INTO "User" ("id", "email", "emailVerified", "role", "personId", "createdAt", "updatedAt")
       SELECT $1, p."email", now(), 'CUSTOMER', p."id", now(), now() FROM "Person" p WHERE p."id" = $2
       ON CONFLICT ("personId") DO UPDATE SET "updatedAt" = now() RETURNING "id"`,
      [randomUUID(), largePersonId(n)],
    );
    const token = sessionToken();
    await sql.query(`INSERT INTO "Session" ("id", "sessionToken", "userId", "expires", "createdAt", "updatedAt") VALUES ($1, $2, $3, now() + interval '1 day', now(), now())`, [randomUUID(), token, user!.id]);
    customerTokens.push(token);
  }
  for (let i = 1; i <= 10; i += 1) {
    const [user] = await sql.query<{ id: string }>(
      `INSERT INTO "User" ("id", "email", "emailVerified", "role", "createdAt", "updatedAt") VALUES ($1, $2, now(), 'SUPPORT', now(), now())
       ON CONFLICT ("email") DO UPDATE SET "updatedAt" = now() RETURNING "id"`,
      [randomUUID(), `load-support-${i}@example.test`],
    );
    const token = sessionToken();
    await sql.query(`INSERT INTO "Session" ("id", "sessionToken", "userId", "expires", "createdAt", "updatedAt") VALUES ($1, $2, $3, now() + interval '1 day', now(), now())`, [randomUUID(), token, user!.id]);
    staffTokens.push(token);
    staffIds.push(user!.id);
  }
});
// Searching needs a stated reason (a search session): each staff user states one, as on the page.
const { startSearchSession } = await import("@/lib/search/start-search-session");
for (const id of staffIds) await startSearchSession({ actor: { kind: "STAFF", id, role: "SUPPORT" }, input: { reasonCode: "support_call" } });

let received = 0;
const receiver = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    received += 1;
    res.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
// Earlier runs' systems point at receivers long gone: only this run's system is active.
await database.prisma.connectedSystem.updateMany({ where: { key: { startsWith: "load-" } }, data: { active: false } });
const system = await createSystem({ key: `load-${randomBytes(3).toString("hex")}`, kind: "CRM", webhookUrl: receiverUrl, eventTypes: [...eventTypes] });
const apiKey = await createKey(system.id, ["consents:read", "persons:write", "persons:read"]);
const purposes = (await database.prisma.purpose.findMany({ where: { retiredAt: null, currentVersion: { gt: 0 } }, select: { key: true } })).map((p) => p.key);
const switchable = await database.prisma.purpose.findMany({ where: { retiredAt: null, requiresDoubleOptIn: false, legalBasis: "CONSENT" }, select: { key: true, currentVersion: true } });

// Server actions are posted as the browser posts them: the action id from the build's manifest.
const manifest = JSON.parse(readFileSync(`${env.NEXT_DIST_DIR || ".next"}/server/server-reference-manifest.json`, "utf8")) as { node: Record<string, { exportedName?: string; filename?: string }> };
const actionId = (name: string) => Object.entries(manifest.node).find(([, v]) => v.exportedName === name && v.filename?.includes("consents/actions"))![0];
const grantAction = actionId("grantConsentAction");
const withdrawAction = actionId("withdrawConsentAction");

// ── The deployment ──
const services: ChildService[] = [];
const stopAll = async () => {
  await Promise.all(services.map((s) => s.stop()));
  receiver.close();
  await closeDatabase();
};
process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));
const apps = [await startAppInstance("app 1", 4311, deployment), await startAppInstance("app 2", 4312, deployment)];
services.push(...apps, startWorkerService("worker 1", deployment), startWorkerService("worker 2", deployment));

const pick = <T,>(values: readonly T[]) => values[Math.floor(Math.random() * values.length)]!;

interface Kind {
  name: string;
  /** Requests per second over both instances. */
  rate: number;
  request: (base: string) => { method: "GET" | "POST" | "PATCH"; path: string; headers: Record<string, string>; body?: string };
  /** True when the answer is what a working product gives. */
  ok: (status: number, body: string) => boolean;
}

const cookie = (token: string) => `authjs.session-token=${token}`;
const allKinds: Kind[] = [
  {
    name: "profile page",
    rate: rates.profile ?? 8,
    request: () => ({ method: "GET", path: "/profile", headers: { cookie: cookie(pick(customerTokens)) } }),
    ok: (status, body) => status === 200 && body.includes("</html>"),
  },
  {
    name: "consent switch (server action)",
    rate: rates.consents ?? 2,
    request: (base) => {
      const purpose = pick(switchable);
      const grant = Math.random() < 0.5;
      return {
        method: "POST",
        path: "/consents",
        headers: { cookie: cookie(pick(customerTokens)), "next-action": grant ? grantAction : withdrawAction, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: base },
        body: JSON.stringify(grant ? [purpose.key, purpose.currentVersion] : [purpose.key]),
      };
    },
    ok: (status, body) => status === 200 && body.includes('"ok":true'),
  },
  {
    name: "staff search",
    rate: rates.search ?? 2,
    request: () => ({ method: "GET", path: `/admin/persons?q=${encodeURIComponent(Math.random() < 0.5 ? misspell(pick(LARGE_FAMILY_NAMES)) : `LCRM-${1 + Math.floor(Math.random() * persons)}`)}`, headers: { cookie: cookie(pick(staffTokens)) } }),
    // The search form, not the reason form: the search ran (and was audited).
    ok: (status, body) => status === 200 && body.includes('data-testid="search-reason"') && body.includes("</html>"),
  },
  {
    name: "bulk consent check (1,000 persons)",
    rate: rates.check ?? 2,
    request: () => {
      const start = Math.floor(Math.random() * (persons - 1000));
      const refs = Array.from({ length: 1000 }, (_, i) => (i % 2 ? { id: largePersonId(start + i + 1) } : { externalId: `LCRM-${start + i + 1}` }));
      return { method: "POST", path: "/api/v1/consents/check", headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" }, body: JSON.stringify({ purposes: purposes.slice(0, 3), persons: refs }) };
    },
    ok: (status, body) => status === 200 && body.startsWith('{"results":['),
  },
  {
    name: "correction (API)",
    rate: rates.corrections ?? 4,
    request: () => ({
      method: "PATCH",
      path: `/api/v1/persons/${largePersonId(1 + Math.floor(Math.random() * persons))}`,
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ observedAt: new Date().toISOString(), changes: { city: pick(["Helsinki", "Tampere", "Turku", "Oulu", "Vaasa"]) } }),
    }),
    ok: (status) => status === 200,
  },
];

// A kind given rate 0 is left out (to measure one kind alone).
const kinds = allKinds.filter((kind) => kind.rate > 0);

// Warm-up: 30 of each kind per instance, one at a time, so the measurement sees the steady
// state (the first requests load code, fill Next.js's caches and let V8 optimise).
// The last 20 of each are timed: the service time of one request alone, without the mix.
const alone = new Map<string, number[]>(kinds.map((k) => [k.name, []]));
for (const app of apps) {
  for (const kind of kinds) {
    for (let i = 0; i < 30; i += 1) {
      const r = kind.request(app.url);
      const start = performance.now();
      await (await fetch(`${app.url}${r.path}`, { method: r.method, headers: r.headers, body: r.body })).arrayBuffer();
      if (i >= 10) alone.get(kind.name)!.push(performance.now() - start);
    }
  }
}

interface Tally {
  latencies: number[];
  requests: number;
  errors: number;
  samples: string[];
}
const tallies = new Map<string, Tally>(kinds.map((k) => [k.name, { latencies: [], requests: 0, errors: 0, samples: [] }]));
const outboxBefore = await database.prisma.outboxEvent.count();

console.log(`Driving ${seconds} s: ${kinds.map((k) => `${k.name} ${k.rate}/s`).join(", ")}…`);
// Arrivals are a Poisson process per kind and instance, each request sent when it is due
// whether or not earlier ones have answered: users arrive independently, spread in time. (A
// per-second quota, as autocannon's rate limit sends it, fires each second's requests together.)
const driverEnd = Date.now() + seconds * 1000;
const sendOne = async (kind: Kind, app: { url: string }) => {
  const tally = tallies.get(kind.name)!;
  const r = kind.request(app.url);
  const start = performance.now();
  try {
    const response = await fetch(`${app.url}${r.path}`, { method: r.method, headers: r.headers, body: r.body, signal: AbortSignal.timeout(10_000) });
    const body = await response.text();
    tally.latencies.push(performance.now() - start);
    tally.requests += 1;
    if (!kind.ok(response.status, body)) {
      tally.errors += 1;
      if (tally.samples.length < 3) tally.samples.push(`${response.status} ${body.slice(0, 200)}`);
    }
  } catch (error) {
    tally.requests += 1;
    tally.errors += 1;
    if (tally.samples.length < 3) tally.samples.push(String(error));
  }
};
const runs = kinds.flatMap((kind) =>
  apps.map(async (app) => {
    const rate = kind.rate / apps.length;
    const inFlight: Promise<void>[] = [];
    let due = Date.now();
    for (;;) {
      due += (-Math.log(1 - Math.random()) / rate) * 1000;
      if (due >= driverEnd) break;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
      inFlight.push(sendOne(kind, app));
    }
    await Promise.all(inFlight);
  }),
);
await Promise.all(runs);

const [backlog] = await database.withConnection((sql) =>
  sql.query<{ undispatched: string; pending: string }>(
    `SELECT (SELECT count(*) FROM "OutboxEvent" WHERE "dispatchedAt" IS NULL) AS undispatched,
            (SELECT count(*) FROM "Delivery" WHERE "status" IN ('PENDING', 'IN_FLIGHT')) AS pending`,
  ),
);
const produced = (await database.prisma.outboxEvent.count()) - outboxBefore;
await stopAll();

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(`
Machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}, PostgreSQL ${(await pgVersion()) ?? "?"}, ${new Date().toISOString().slice(0, 10)}
${persons.toLocaleString("en")} persons, ${seed.counts.ConsentEvent?.toLocaleString("en")} consent events; 2 app instances + 2 workers; ${seconds} s.

| kind | requests | req/s | p50 | p95 | p99 | errors | p95 target | alone: p50 / p95 |
|---|---|---|---|---|---|---|---|---|
${kinds
  .map((k) => {
    const t = tallies.get(k.name)!;
    const p95 = percentile(t.latencies, 95);
    const target = TARGETS[k.name];
    return `| ${k.name} | ${t.requests} | ${(t.requests / seconds).toFixed(1)} | ${fmt(percentile(t.latencies, 50))} | ${fmt(p95)} | ${fmt(percentile(t.latencies, 99))} | ${t.errors} | ${target ? `≤ ${target} ms: ${p95 <= target ? "met" : "MISSED"}` : "–"} | ${fmt(percentile(alone.get(k.name)!, 50))} / ${fmt(percentile(alone.get(k.name)!, 95))} |`;
  })
  .join("\n")}

Webhooks: ${produced} events produced during the run, ${received} deliveries received; backlog at the end: ${backlog!.undispatched} events not yet fanned out, ${backlog!.pending} deliveries pending.`);
for (const [name, t] of tallies) if (t.samples.length) console.log(`errors of ${name}: ${t.samples.join(" | ")}`);
const errors = [...tallies.values()].reduce((sum, t) => sum + t.errors, 0);
console.log(errors === 0 ? "errors: 0 (target met)" : `errors: ${errors} (target: 0 — MISSED)`);

async function pgVersion(): Promise<string | null> {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const version = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version ?? null;
  await client.end();
  return version;
}
