// Many workers, and a worker that dies mid-delivery. On PostgreSQL these are real worker
// processes (scripts/worker.ts); PGlite is one process only, so there the same claims run in
// one process: two workers side by side, and a claim whose worker never comes back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overrideConfig } from "@/lib/config";
import { correctPerson } from "@/lib/persons/correct-person";
import { claimDeliveries } from "@/lib/propagation/claim-deliveries";
import { fanOutEvents } from "@/lib/propagation/fan-out-events";
import { workerJobs } from "@/lib/worker/jobs";
import { startWorker } from "@/lib/worker/run-worker";
import { createPerson } from "../../factories/persons";
import { createSystem } from "../../factories/systems";
import { startCaptureServer, waitFor } from "../../support/http-servers";
import { setupTestDatabase, testBackend, type TestDatabase } from "../../support/test-database";
import { startWorkerProcess, type WorkerProcess } from "../../support/worker-process";

const TIMEOUT_MS = 1000;
let t: TestDatabase;
const processes: WorkerProcess[] = [];
beforeAll(async () => {
  overrideConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", WEBHOOK_RETRY_SCHEDULE: "0,1,1", WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS) });
  t = await setupTestDatabase();
});
afterAll(async () => {
  await Promise.all(processes.map((p) => p.kill("SIGKILL")));
  await t.drop();
});

const postgres = testBackend() === "postgres";
const workerEnv = { WEBHOOK_RETRY_SCHEDULE: "0,1,1", WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS) };
function spawnWorker() {
  const worker = startWorkerProcess(t.url!, workerEnv);
  processes.push(worker);
  return worker;
}

describe(`workers (${postgres ? "separate processes" : "in one process"})`, () => {
  it("completes a delivery whose worker was killed mid-delivery, later, with the same webhook-id", async () => {
    const receiver = await startCaptureServer();
    let killed: Promise<void> | null = null;
    let second: WorkerProcess | null = null;
    const first = postgres ? spawnWorker() : null;
    // The first request never gets an answer: its worker dies while waiting for it.
    receiver.respond = (_request, index) => {
      if (index > 0) return 200;
      if (first) killed = first.kill("SIGKILL");
      return null;
    };
    const system = await createSystem({ webhookUrl: receiver.url, eventTypes: ["person.updated"] });
    const person = await createPerson(t.database.prisma);
    await correctPerson({ actor: { kind: "PERSON", id: "u" }, personId: person.id, input: { city: "Vaasa" }, source: "PERSON" });

    if (first) {
      await waitFor(() => killed !== null, { what: "the first worker to take the delivery", timeoutMs: 30_000 });
      await killed;
      expect(first.child.signalCode).toBe("SIGKILL");
      second = spawnWorker();
    } else {
      // The in-process equivalent: a worker claims the delivery (with a short lease) and never answers.
      await fanOutEvents(t.database.prisma, new Date());
      const [claimed] = await claimDeliveries(t.database.prisma, { workerId: "dead-worker", now: new Date(), limit: 10, leaseMs: 500 });
      expect(claimed).toBeDefined();
      // What the dead worker had sent: it stays unanswered.
      void fetch(receiver.url, { method: "POST", body: "{}", headers: { "webhook-id": claimed!.webhookId } }).catch(() => {});
      await waitFor(() => receiver.requests.length === 1, { what: "the dead worker's request" });
    }
    const live = postgres ? null : startWorker(t.database.prisma, { pollMs: 50, jobs: workerJobs });
    const delivery = await waitFor(
      async () => {
        const row = await t.database.prisma.delivery.findFirst({ where: { systemId: system.id }, include: { attemptLog: { orderBy: { startedAt: "asc" } } } });
        return row?.status === "SUCCEEDED" ? row : null;
      },
      { what: "the delivery to complete after the lease ran out", timeoutMs: 30_000 },
    );
    await Promise.all([live?.stop(), second?.kill("SIGTERM")]);
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests.map((r) => r.headers["webhook-id"])).toEqual([delivery.webhookId, delivery.webhookId]);
    expect(delivery.attempts).toBe(2);
    expect(delivery.attemptLog).toHaveLength(2);
    expect(delivery.attemptLog[0]!.error).toMatch(/^abandoned/);
    expect(delivery.attemptLog[1]).toMatchObject({ statusCode: 200, error: null });
    expect(delivery.attemptLog[1]!.workerId).not.toBe(delivery.attemptLog[0]!.workerId);
    await receiver.close();
  });

  it("delivers 1,000 events to 2 systems exactly once each with two workers", async () => {
    const receivers = [await startCaptureServer(), await startCaptureServer()];
    const systems = [];
    for (const receiver of receivers) systems.push(await createSystem({ webhookUrl: receiver.url, eventTypes: ["purpose.retired"] }));
    const before = await t.database.prisma.workerHeartbeat.count();
    const workers = postgres ? [spawnWorker(), spawnWorker()] : [];
    if (postgres) await waitFor(async () => (await t.database.prisma.workerHeartbeat.count()) >= before + 2, { what: "both workers to start", timeoutMs: 30_000 });
    const inProcess = postgres ? [] : [0, 1].map(() => startWorker(t.database.prisma, { pollMs: 50, jobs: workerJobs }));

    await t.database.withConnection((sql) =>
      sql.exec(`INSERT INTO "OutboxEvent" ("id", "type", "payload", "occurredAt")
        SELECT 'evt_bulk_' || n, 'purpose.retired', jsonb_build_object('id', 'evt_bulk_' || n, 'type', 'purpose.retired', 'data', jsonb_build_object('n', n)), now()
        FROM generate_series(1, 1000) AS n`),
    );
    const ids = systems.map((s) => s.id);
    await waitFor(async () => (await t.database.prisma.delivery.count({ where: { systemId: { in: ids }, status: "SUCCEEDED" } })) === 2000, {
      what: "2,000 successful deliveries",
      timeoutMs: 120_000,
      intervalMs: 250,
    });
    await Promise.all([...workers.map((w) => w.kill("SIGTERM")), ...inProcess.map((w) => w.stop())]);

    for (const receiver of receivers) {
      const webhookIds = receiver.requests.map((r) => String(r.headers["webhook-id"]));
      expect(webhookIds).toHaveLength(1000);
      expect(new Set(webhookIds).size).toBe(1000);
    }
    const deliveries = await t.database.prisma.delivery.findMany({ where: { systemId: { in: ids } }, select: { attempts: true, webhookId: true } });
    expect(deliveries.every((d) => d.attempts === 1)).toBe(true);
    const attempts = await t.database.prisma.deliveryAttempt.groupBy({ by: ["workerId"], where: { delivery: { systemId: { in: ids } } }, _count: { _all: true } });
    expect(attempts.reduce((sum, a) => sum + a._count._all, 0)).toBe(2000);
    expect(attempts).toHaveLength(2);
    await Promise.all(receivers.map((r) => r.close()));
  });
});
