// `npm run bench:writes` (issue #16): do writes scale out now that a change inserts its audit
// entry unsealed, with no global lock (the worker's sequencer seals it later)? API corrections are
// driven at saturation, a closed loop of WRITES_CONCURRENCY requests always outstanding, first
// against one app instance, then against two on the same database, with one standalone worker
// (the sequencer) in both. Beside them a ceiling: the same writes in one transaction with `pg`
// directly, no app. Prints changes/s, errors and p50/p95 of each, and the targets met or missed:
// two instances ≥ 1.7× one, the best app figure ≥ 0.5 of the ceiling.
//   BENCH_DATABASE_URL / TEST_DATABASE_URL: the PostgreSQL server (default the local one); the
//   bench uses a database of its own on it, `omadata_writes`, recreated by every run.
//   WRITES_PERSONS (2000), WRITES_CONCURRENCY (32), WRITES_SECONDS (20) per phase after
//   WRITES_WARMUP_SECONDS (5) of the same load that are not counted.
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import pg from "pg";
import { benchDatabase, deploymentEnv, percentile, startAppInstance, startWorkerService, type ChildService } from "./cluster";

const env = process.env;
const persons = Number(env.WRITES_PERSONS ?? 2000);
const concurrency = Number(env.WRITES_CONCURRENCY ?? 32);
const seconds = Number(env.WRITES_SECONDS ?? 20);
const warmupSeconds = Number(env.WRITES_WARMUP_SECONDS ?? 5);
const SCALE_TARGET = 1.7;
const CEILING_TARGET = 0.5;

// Fresh every run: the deployment's secrets are new each run, and the sequencer cannot open the
// checkpoint signing key an earlier run sealed with its ENCRYPTION_KEY (it would seal nothing).
const databaseUrl = await benchDatabase("omadata_writes", { fresh: true });
const deployment = deploymentEnv(databaseUrl);
// This process creates the system and its key with the deployment's own secrets.
Object.assign(env, deployment);

const { buildIfNeeded } = await import("../../scripts/build-if-needed");
const { getDatabase, closeDatabase } = await import("@/lib/db/client");
const { migrate } = await import("@/lib/db/migrate");
const { createKey, createSystem } = await import("../factories/systems");

if (buildIfNeeded() !== 0) throw new Error("next build failed");
const database = await getDatabase();
await migrate(database);

// ── Persons: plain bulk SQL, each with one external id (events carry them) ──
const personId = (n: number) => `writes-${String(n).padStart(7, "0")}`;
await database.withConnection(async (sql) => {
  await sql.query(
    `INSERT INTO "Person" ("id", "email", "givenName", "familyName", "city", "country", "createdAt", "updatedAt")
     SELECT 'writes-' || lpad(n::text, 7, '0'), 'writes-' || n || '@example.test', 'Write', 'Scale', 'Helsinki', 'FI', now(), now()
     FROM generate_series(1, $1::int) AS n`,
    [persons],
  );
  await sql.query(
    `INSERT INTO "ExternalIdentity" ("id", "personId", "system", "externalId", "linkedAt")
     SELECT 'writes-x-' || n, 'writes-' || lpad(n::text, 7, '0'), 'crm', 'WCRM-' || n, now()
     FROM generate_series(1, $1::int) AS n`,
    [persons],
  );
  await sql.exec(`ANALYZE "Person"; ANALYZE "ExternalIdentity";`);
});
// A system that subscribes to no event: this measures the write path, not webhook delivery
// (bench and bench:load cover that); the worker still fans each event out (to no one).
const system = await createSystem({ key: `writes-${randomBytes(3).toString("hex")}` });
const apiKey = await createKey(system.id, ["persons:write", "persons:read"]);
console.log(`Database omadata_writes on ${new URL(databaseUrl).host}: ${persons.toLocaleString("en")} persons; concurrency ${concurrency}, ${seconds} s per phase after ${warmupSeconds} s of warm-up.`);

// ── The closed loop: `concurrency` operations always outstanding ──
interface Tally {
  ok: number;
  errors: number;
  latencies: number[];
  samples: string[];
  /** CPU seconds the processes passed to closedLoop used during the measurement, by name. */
  cpu: Record<string, number>;
}

/** CPU seconds a process has used (Linux /proc; utime + stime at 100 ticks/s), or NaN elsewhere. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/**
 * Runs `op` in a closed loop through warm-up and measurement; counts what started after the
 * warm-up, and the CPU time `processes` used meanwhile (which of them limits the throughput).
 */
async function closedLoop(op: () => Promise<void>, processes: Record<string, ChildService[]> = {}): Promise<Tally> {
  const tally: Tally = { ok: 0, errors: 0, latencies: [], samples: [], cpu: {} };
  const measureFrom = Date.now() + warmupSeconds * 1000;
  const end = measureFrom + seconds * 1000;
  const cpuNow = () => Object.fromEntries(Object.entries(processes).map(([name, list]) => [name, list.reduce((sum, s) => sum + cpuSeconds(s.child.pid), 0)]));
  let cpuFrom: Record<string, number> = {};
  const cpuStart = setTimeout(() => (cpuFrom = cpuNow()), measureFrom - Date.now());
  const loop = async () => {
    while (Date.now() < end) {
      const startedAt = Date.now();
      const start = performance.now();
      let failure: string | null = null;
      await op().catch((error: unknown) => {
        failure = String(error);
      });
      if (startedAt < measureFrom) continue;
      tally.latencies.push(performance.now() - start);
      if (failure === null) tally.ok += 1;
      else {
        tally.errors += 1;
        if (tally.samples.length < 3) tally.samples.push(failure);
      }
    }
  };
  const cpuEnd = new Promise<void>((resolve) =>
    setTimeout(() => {
      const cpuTo = cpuNow();
      tally.cpu = Object.fromEntries(Object.keys(cpuTo).map((name) => [name, cpuTo[name]! - cpuFrom[name]!]));
      resolve();
    }, end - Date.now()),
  );
  await Promise.all([...Array.from({ length: concurrency }, loop), cpuEnd]);
  clearTimeout(cpuStart);
  return tally;
}

// Each correction changes the field: an unchanged value writes nothing and would flatter the figure.
let corrections = 0;
const randomPerson = () => personId(1 + Math.floor(Math.random() * persons));
const nextCity = () => `Kaupunki ${(corrections += 1)}`;

/** API corrections as load.ts posts them (PATCH /api/v1/persons/{id}), round-robin over `urls`. */
const correctThroughApi = (urls: string[]) => {
  let turn = 0;
  return async () => {
    const url = urls[turn++ % urls.length]!;
    const response = await fetch(`${url}/api/v1/persons/${randomPerson()}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ observedAt: new Date().toISOString(), changes: { city: nextCity() } }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${response.status} ${body.slice(0, 200)}`);
  };
};

const unsealedEntries = async () =>
  Number((await database.withConnection((sql) => sql.query<{ n: string }>(`SELECT count(*) AS n FROM "AuditEntry" WHERE "seq" IS NULL`)))[0]!.n);

// ── Phases 1 and 2: one app instance, then two, with one standalone worker throughout ──
const services: ChildService[] = [];
const stopAll = async () => {
  await Promise.all(services.splice(0).map((s) => s.stop()));
};
process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));
// The worker first: it has loaded by the time the instances answer, so its start-up is not measured.
const worker = startWorkerService("worker", deployment);
services.push(worker);
const apps = [await startAppInstance("app 1", 4321, deployment), await startAppInstance("app 2", 4322, deployment)];
services.push(...apps);

console.log("Phase 1: one app instance…");
const one = await closedLoop(correctThroughApi([apps[0]!.url]), { app: [apps[0]!], worker: [worker] });
const unsealedAfterOne = await unsealedEntries();
console.log("Phase 2: two app instances, round-robin…");
const two = await closedLoop(correctThroughApi(apps.map((a) => a.url)), { app: apps, worker: [worker] });
const unsealedAfterTwo = await unsealedEntries();
await stopAll();

// ── Phase 3: the ceiling, a correction's writes as bare SQL with nothing else running ──
// The statements of a correction's change transaction (correct-person.ts, run-change.ts,
// record-outbox-event.ts, append-audit-entries.ts), as lean as SQL allows: the person locked and
// read at once, updated with its event sequence in one statement, the field history row, the
// external ids and consent states the event carries, the outbox event and the unsealed audit entry.
// Outside the transaction the API also authenticates the key and counts its rate limit: not here.
const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency });
const ceilingChange = async () => {
  const client = await pool.connect();
  const id = randomPerson();
  const city = nextCity();
  const now = new Date();
  try {
    await client.query("BEGIN");
    const current = await client.query(`SELECT * FROM "Person" WHERE "id" = $1 FOR UPDATE`, [id]);
    if (current.rows[0]?.erasedAt !== null) throw new Error("no such live person");
    await client.query(`SELECT "field" FROM "PersonFieldChange" WHERE "personId" = $1 AND "field" = ANY($2) AND "source" = 'PERSON' AND "changedAt" > $3`, [id, ["city"], now]);
    const person = (await client.query(`UPDATE "Person" SET "city" = $2, "updatedAt" = $3, "sequence" = "sequence" + 1 WHERE "id" = $1 RETURNING *`, [id, city, now])).rows[0] as Record<string, unknown>;
    await client.query(`INSERT INTO "PersonFieldChange" ("id", "personId", "field", "source", "system", "actorId", "changedAt") VALUES ($1, $2, 'city', 'SYSTEM', $3, $4, $5)`, [randomUUID(), id, system.key, system.id, now]);
    const externalIds = (await client.query(`SELECT "system", "externalId" FROM "ExternalIdentity" WHERE "personId" = $1`, [id])).rows;
    const consents = (await client.query(`SELECT "purposeId", "status", "version", "updatedAt" FROM "ConsentState" WHERE "personId" = $1`, [id])).rows;
    const eventId = `evt_${randomUUID().replaceAll("-", "")}`;
    const payload = { id: eventId, type: "person.updated", occurredAt: now.toISOString(), personId: id, sequence: person.sequence, externalIds, data: { changedFields: ["city"], values: { city }, source: "SYSTEM", system: system.key, person, consents, restricted: false, erased: false } };
    await client.query(`INSERT INTO "OutboxEvent" ("id", "type", "personId", "sequence", "payload", "occurredAt") VALUES ($1, 'person.updated', $2, $3, $4, $5)`, [eventId, id, person.sequence, payload, now]);
    await client.query(
      `INSERT INTO "AuditEntry" ("at", "actorKind", "actorId", "action", "personId", "target", "details", "ipHash") VALUES ($1, 'SYSTEM', $2, 'person.updated', $3, $4, $5, $6)`,
      [now, system.id, id, `Person:${id}`, { fields: ["city"], source: "SYSTEM", system: system.key }, "bench"],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};
console.log("Phase 3: the bare-SQL ceiling…");
const ceiling = await closedLoop(ceilingChange);
await pool.end();
const pgVersion = (await database.withConnection((sql) => sql.query<{ server_version: string }>("SHOW server_version")))[0]?.server_version ?? "?";
await closeDatabase();

// ── Report ──
const rate = (t: Tally) => t.ok / seconds;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const row = (name: string, t: Tally) =>
  `| ${name} | ${rate(t).toLocaleString("en", { maximumFractionDigits: 0 })} changes/s | ${t.errors} | ${ms(percentile(t.latencies, 50))} | ${ms(percentile(t.latencies, 95))} |`;
const scale = rate(two) / rate(one);
const share = Math.max(rate(one), rate(two)) / rate(ceiling);
const cpuPerChange = (name: string, t: Tally) =>
  `${name}: ${Object.entries(t.cpu).map(([process, cpu]) => `${process} ${((cpu * 1000) / t.ok).toFixed(1)} ms (${((cpu / seconds) * 100).toFixed(0)} % of a core)`).join(", ")}`;
const verdict = (met: boolean) => (met ? "met" : "MISSED");
const cpus = os.cpus();
console.log(`
Machine: ${cpus[0]?.model ?? "unknown CPU"}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${os.loadavg()[0]!.toFixed(1)}, Node.js ${process.version}, PostgreSQL ${pgVersion}, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC
${persons.toLocaleString("en")} persons, concurrency ${concurrency}, ${seconds} s per phase after ${warmupSeconds} s of warm-up; one standalone worker during the app phases.

| phase | throughput (2xx) | errors | p50 | p95 |
|---|---|---|---|---|
${row("1 app instance", one)}
${row("2 app instances", two)}
${row("bare SQL ceiling", ceiling)}

CPU per change (each process's user + system time over the changes): ${cpuPerChange("1 instance", one)}; ${cpuPerChange("2 instances", two)}.
Unsealed audit entries after phase 1: ${unsealedAfterOne}, after phase 2: ${unsealedAfterTwo} (the sequencer's lag).
Scale-out: 2 instances / 1 = ${scale.toFixed(2)}× (target ≥ ${SCALE_TARGET}×: ${verdict(scale >= SCALE_TARGET)})
Against the ceiling: best app figure / bare SQL = ${share.toFixed(2)} (target ≥ ${CEILING_TARGET}: ${verdict(share >= CEILING_TARGET)})`);
for (const [name, t] of [["1 instance", one], ["2 instances", two], ["ceiling", ceiling]] as const) if (t.samples.length) console.log(`errors of ${name}: ${t.samples.join(" | ")}`);
