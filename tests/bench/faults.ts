// `npm run bench:faults`: three fault scenarios against a real deployment (app instances and
// standalone workers as processes, a real webhook receiver), each ending in a PASS or FAIL line:
//   1. PostgreSQL restarted in the middle of the load: the app answers again within seconds
//      without being restarted, and every accepted correction's event is kept and delivered.
//   2. The receiver down for the first half: everything arrives after it comes up.
//   3. A worker SIGKILLed every 5 s (FAULTS_KILL_EVERY_MS): every delivery arrives; duplicates only for the ones
//      in flight at a kill, with the same webhook-id.
// PostgreSQL: a server of the scenarios' own from the machine's installation (scenario 1 restarts
// it), on FAULTS_PG_PORT (55432). FAULTS_SCENARIOS ("1,2,3") picks scenarios. Exit status 1 when
// any scenario fails; a failing scenario prints its processes' last output.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { deploymentEnv, startAppInstance, startWorkerService, type ChildService } from "./cluster";
import { startPrivatePostgres } from "./private-postgres";

const env = process.env;
const PERSONS = 2000;
const scenarios = new Set((env.FAULTS_SCENARIOS ?? "1,2,3").split(",").map((n) => n.trim()));
const services: ChildService[] = [];
const postgres = startPrivatePostgres(Number(env.FAULTS_PG_PORT ?? 55432));
// Whatever happens, the private server and the child processes do not outlive the run.
process.on("exit", () => {
  for (const service of services) service.child.kill("SIGKILL");
  postgres.stop();
});
const databaseUrl = postgres.url;
// Retries come quickly (a receiver back within seconds is retried within seconds) and a claim
// whose worker died is taken over after the 2 s lease (the timeout).
const deployment = deploymentEnv(databaseUrl, { WORKER_POLL_MS: "100", WEBHOOK_RETRY_SCHEDULE: "0,1,1,1,1,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2", WEBHOOK_TIMEOUT_MS: "2000", WEBHOOK_CONCURRENCY: "8" });
Object.assign(env, deployment);

const { buildIfNeeded } = await import("../../scripts/build-if-needed");
const { getDatabase, closeDatabase } = await import("@/lib/db/client");
const { migrate } = await import("@/lib/db/migrate");
const { seedLargeData, largePersonId } = await import("../../scripts/seed-large");
const { createKey, createSystem } = await import("../factories/systems");

const results: { name: string; pass: boolean; detail: string }[] = [];
/** Stops the scenario's processes; when it failed, shows what they printed last. */
async function stopServices() {
  if (results.at(-1)?.pass === false) for (const service of services) console.error(`── ${service.name} (last output) ──\n${service.output().slice(-3000)}`);
  await Promise.all(services.splice(0).map((s) => s.stop()));
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A webhook receiver counting deliveries per webhook-id; it can be closed and reopened on its port. */
class Receiver {
  seen = new Map<string, number>();
  eventIds = new Map<string, string>();
  private server: Server | null = null;
  constructor(public port: number) {}
  get url() {
    return `http://127.0.0.1:${this.port}/hooks`;
  }
  async open() {
    this.server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        const id = String(req.headers["webhook-id"]);
        this.seen.set(id, (this.seen.get(id) ?? 0) + 1);
        this.eventIds.set(id, (JSON.parse(body) as { id?: string }).id ?? "");
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
  }
  async close() {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  get duplicates() {
    return [...this.seen.values()].reduce((sum, n) => sum + n - 1, 0);
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let database: Awaited<ReturnType<typeof getDatabase>>;
let cityCounter = 0;

/** Corrections through the API from `concurrency` clients until `until()`; answers per status. */
async function driveCorrections(appUrls: string[], apiKey: string, { concurrency, until }: { concurrency: number; until: () => boolean }) {
  const statuses = new Map<number, number>();
  const accepted: number[] = [];
  const client = async (c: number) => {
    while (!until()) {
      const city = `Kaupunki-${(cityCounter += 1)}`;
      let status = 0; // no answer at all (connection refused or timed out)
      try {
        const response = await fetch(`${appUrls[c % appUrls.length]}/api/v1/persons/${largePersonId(1 + Math.floor(Math.random() * PERSONS))}`, {
          method: "PATCH",
          headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
          body: JSON.stringify({ observedAt: new Date().toISOString(), changes: { city } }),
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        // counted as no answer
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status === 200) accepted.push(Date.now());
      if (status !== 200) await sleep(50);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, c) => client(c)));
  return { statuses, accepted: accepted.length };
}

/** person.updated events since `since`, and how many of them the receiver holds. */
async function eventsDelivered(receiver: Receiver, since: Date) {
  const events = await database.prisma.outboxEvent.findMany({ where: { type: "person.updated", occurredAt: { gte: since } }, select: { id: true } });
  const delivered = new Set(receiver.eventIds.values());
  return { events: events.length, delivered: events.filter((e) => delivered.has(e.id)).length };
}

async function waitAllDelivered(receiver: Receiver, since: Date, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let state = await eventsDelivered(receiver, since);
  while (state.delivered < state.events && Date.now() < deadline) {
    await sleep(500);
    state = await eventsDelivered(receiver, since);
  }
  return state;
}

const statusLine = (statuses: Map<number, number>) => [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s === 0 ? "no answer" : s} ×${n}`).join(", ");

try {
  if (buildIfNeeded() !== 0) throw new Error("next build failed");
  database = await getDatabase();
  await migrate(database);
  await seedLargeData(database, PERSONS);

  // ── 1. PostgreSQL restarted mid-load ──
  if (scenarios.has("1")) {
    const receiver = new Receiver(await freePort());
    await receiver.open();
    const system = await createSystem({ key: `faults-${randomBytes(3).toString("hex")}`, webhookUrl: receiver.url, eventTypes: ["person.updated"] });
    const apiKey = await createKey(system.id, ["persons:write"]);
    const apps = [await startAppInstance("app 1", 4321, deployment), await startAppInstance("app 2", 4322, deployment)];
    services.push(...apps, startWorkerService("worker 1", deployment), startWorkerService("worker 2", deployment));
    const since = new Date();
    const started = Date.now();
    let restartedAt = 0;
    let backAfter = NaN;
    const load = driveCorrections(apps.map((a) => a.url), apiKey, { concurrency: 8, until: () => Date.now() - started > 20_000 });
    await sleep(7_000);
    await closeDatabase(); // this process's own pool would only hold dead connections
    postgres.restart();
    restartedAt = Date.now();
    // How long until each instance serves a request that needs the database again.
    const probe = async (url: string) => {
      for (;;) {
        let ok = false;
        try {
          const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
          ok = response.ok && ((await response.json()) as { database?: string }).database === "ok";
        } catch {
          // not yet
        }
        if (ok) return Date.now() - restartedAt;
        await sleep(100);
      }
    };
    backAfter = Math.max(...(await Promise.all(apps.map((a) => probe(a.url))))) / 1000;
    const { statuses, accepted } = await load;
    database = await getDatabase();
    const state = await waitAllDelivered(receiver, since, 60_000);
    const server500 = [...statuses].filter(([s]) => s >= 500 && s !== 503).reduce((sum, [, n]) => sum + n, 0);
    const pass = backAfter <= 10 && state.events === accepted && state.delivered === state.events && server500 === 0;
    results.push({
      name: "PostgreSQL restarted mid-load",
      pass,
      detail: `both instances answered again ${backAfter.toFixed(1)} s after the restart, without being restarted; ${accepted} corrections accepted, ${state.events} events recorded, ${state.delivered} delivered; answers: ${statusLine(statuses)}`,
    });
    await stopServices();
    await receiver.close();
    await database.prisma.connectedSystem.update({ where: { id: system.id }, data: { active: false } });
  }

  // ── 2. Receiver down for the first half ──
  if (scenarios.has("2")) {
    const receiver = new Receiver(await freePort());
    const system = await createSystem({ key: `faults-${randomBytes(3).toString("hex")}`, webhookUrl: receiver.url, eventTypes: ["person.updated"] });
    const apiKey = await createKey(system.id, ["persons:write"]);
    const app = await startAppInstance("app", 4323, deployment);
    services.push(app, startWorkerService("worker 1", deployment), startWorkerService("worker 2", deployment));
    const since = new Date();
    const started = Date.now();
    const load = driveCorrections([app.url], apiKey, { concurrency: 4, until: () => Date.now() - started > 20_000 });
    await sleep(10_000);
    await receiver.open();
    const { accepted } = await load;
    const state = await waitAllDelivered(receiver, since, 90_000);
    const delivered = await database.prisma.delivery.groupBy({ by: ["status"], where: { systemId: system.id }, _count: true });
    const pass = accepted > 0 && state.events === accepted && state.delivered === state.events;
    results.push({
      name: "Receiver down for the first half",
      pass,
      detail: `${accepted} corrections accepted, ${state.events} events, ${state.delivered} arrived after the receiver came up (deliveries: ${delivered.map((d) => `${d.status} ×${d._count}`).join(", ")}; ${receiver.duplicates} duplicates)`,
    });
    await stopServices();
    await receiver.close();
    await database.prisma.connectedSystem.update({ where: { id: system.id }, data: { active: false } });
  }

  // ── 3. A worker SIGKILLed every few seconds ──
  if (scenarios.has("3")) {
    const receiver = new Receiver(await freePort());
    await receiver.open();
    const system = await createSystem({ key: `faults-${randomBytes(3).toString("hex")}`, webhookUrl: receiver.url, eventTypes: ["person.updated"] });
    const apiKey = await createKey(system.id, ["persons:write"]);
    const app = await startAppInstance("app", 4324, deployment);
    services.push(app);
    const since = new Date();
    // The events first (2,000 corrections), then the workers start, and get killed.
    const started = Date.now();
    let produced = 0;
    const { accepted } = await driveCorrections([app.url], apiKey, { concurrency: 8, until: () => (produced += 1) > 2000 + 8 || Date.now() - started > 60_000 });
    const workers = [startWorkerService("worker 1", deployment), startWorkerService("worker 2", deployment)];
    let kills = 0;
    const killEveryMs = Number(env.FAULTS_KILL_EVERY_MS ?? 5000);
    const deadline = Date.now() + 180_000;
    let state = await eventsDelivered(receiver, since);
    while (state.delivered < state.events && Date.now() < deadline) {
      await sleep(killEveryMs);
      const victim = kills % workers.length;
      await workers[victim]!.stop("SIGKILL");
      kills += 1;
      workers[victim] = startWorkerService(`worker ${victim + 1}`, deployment);
      state = await eventsDelivered(receiver, since);
    }
    services.push(...workers);
    // One webhook-id per event: a duplicate is the same delivery again, never a new id.
    const idsPerEvent = new Map<string, Set<string>>();
    for (const [webhookId, eventId] of receiver.eventIds) idsPerEvent.set(eventId, (idsPerEvent.get(eventId) ?? new Set()).add(webhookId));
    const newIds = [...idsPerEvent.values()].filter((ids) => ids.size > 1).length;
    const maxInFlight = kills * Number(deployment.WEBHOOK_CONCURRENCY) * 2;
    const pass = state.events === accepted && state.delivered === state.events && newIds === 0 && receiver.duplicates <= maxInFlight;
    const statuses = await database.prisma.delivery.groupBy({ by: ["status"], where: { systemId: system.id }, _count: true });
    results.push({
      name: `Worker SIGKILLed every ${killEveryMs / 1000} s`,
      pass,
      detail: `${state.events} events, ${state.delivered} delivered through ${kills} kills; ${receiver.duplicates} duplicates (at most the ${maxInFlight} claimable in flight at the kills), all with their event's one webhook-id${newIds ? `; ${newIds} events under more than one webhook-id` : ""} (deliveries: ${statuses.map((d) => `${d.status} ×${d._count}`).join(", ")})`,
    });
    await stopServices();
    await receiver.close();
  }
} catch (error) {
  console.error(error);
  for (const service of services) console.error(`── ${service.name} output ──\n${service.output()}`);
  results.push({ name: "scenarios", pass: false, detail: error instanceof Error ? error.message : String(error) });
} finally {
  await Promise.all(services.map((s) => s.stop()));
  await closeDatabase().catch(() => {});
}

console.log("");
for (const r of results) console.log(`${r.pass ? "PASS" : "FAIL"}  ${r.name}: ${r.detail}`);
process.exit(results.every((r) => r.pass) && results.length === scenarios.size ? 0 : 1);
