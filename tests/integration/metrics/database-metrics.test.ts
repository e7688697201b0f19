// /metrics figures read from the database at scrape time: queue depth and the oldest due job's
// age per kind, webhook deliveries waiting and failed per system, webhook outcomes per system
// counted from the tries once settled (each try once, however many scrapes), pool use, the audit
// sequencer's lag.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueJob } from "@/lib/queue/enqueue-job";
import { createMetrics } from "@/lib/metrics/create-metrics";
import { runChange } from "@/lib/changes/run-change";
import { sequenceAuditLog } from "../../support/sequence-audit-log";
import { setupTestDatabase, testBackend } from "../../support/test-database";

let t: Awaited<ReturnType<typeof setupTestDatabase>>;
const T0 = new Date("2026-12-01T12:00:00Z");
const SETTLE_MS = 75_000;
let clock = T0;
const at = (offsetMs: number) => new Date(T0.getTime() + offsetMs);

beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const metrics = () => createMetrics({ database: async () => t.database, settleMs: SETTLE_MS, now: () => clock });

/** The value of one sample in Prometheus text, or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.keys(found).length === Object.keys(labels).length && Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

/** A UUIDv7 made at `ms` (the form DeliveryAttempt ids have), with a counter to keep several apart. */
function uuid7At(ms: number, n: number): string {
  const hex = ms.toString(16).padStart(12, "0") + `7${n.toString(16).padStart(3, "0")}` + `8${"0".repeat(15)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function system(key: string, webhookUrl: string | null = `https://${key}.example.test/hook`) {
  return t.database.prisma.connectedSystem.create({ data: { key, name: key, kind: "CRM", webhookUrl, eventTypes: ["person.updated"] } });
}

let deliveryCount = 0;
async function delivery(systemId: string, status: "PENDING" | "IN_FLIGHT" | "SUCCEEDED" | "FAILED" | "CANCELLED", createdAt = T0) {
  const n = (deliveryCount += 1);
  const event = await t.database.prisma.outboxEvent.create({ data: { type: "person.updated", payload: {} } });
  return t.database.prisma.delivery.create({ data: { eventId: event.id, systemId, eventType: "person.updated", webhookId: `msg_metrics_${n}`, status, createdAt } });
}

let attemptCount = 0;
async function attempt(deliveryId: string, startedAt: Date, statusCode: number | null) {
  attemptCount += 1;
  await t.database.prisma.deliveryAttempt.create({
    data: { id: uuid7At(startedAt.getTime(), attemptCount), deliveryId, startedAt, durationMs: 10, statusCode, error: statusCode === null ? "timeout" : null },
  });
}

describe("database figures in /metrics", () => {
  it("queue depth by kind and status, and how long the oldest due job has waited", async () => {
    const prisma = t.database.prisma;
    clock = T0;
    await enqueueJob(prisma, { kind: "metrics.alpha", payload: {} }, at(-90_000));
    await enqueueJob(prisma, { kind: "metrics.alpha", payload: {} }, at(-30_000));
    await enqueueJob(prisma, { kind: "metrics.alpha", payload: {}, runAt: at(3600_000) }, T0); // not due yet
    const running = await enqueueJob(prisma, { kind: "metrics.beta", payload: {} }, at(-10_000));
    await prisma.job.update({ where: { id: running! }, data: { status: "RUNNING", attempts: 1, leaseUntil: at(60_000), leasedBy: "w1" } });
    const dead = await enqueueJob(prisma, { kind: "metrics.beta", payload: {} }, at(-20_000));
    await prisma.job.update({ where: { id: dead! }, data: { status: "DEAD", finishedAt: T0 } });

    const text = await metrics().scrape();
    expect(sample(text, "omadata_queue_jobs", { kind: "metrics.alpha", status: "pending" })).toBe(3);
    expect(sample(text, "omadata_queue_jobs", { kind: "metrics.alpha", status: "running" })).toBe(0);
    expect(sample(text, "omadata_queue_oldest_due_age_seconds", { kind: "metrics.alpha" })).toBe(90);
    expect(sample(text, "omadata_queue_jobs", { kind: "metrics.beta", status: "running" })).toBe(1);
    expect(sample(text, "omadata_queue_jobs", { kind: "metrics.beta", status: "dead" })).toBe(1);
    expect(sample(text, "omadata_queue_oldest_due_age_seconds", { kind: "metrics.beta" })).toBe(0);
    expect(sample(text, "omadata_metrics_database_up")).toBe(1);
  });

  it("deliveries waiting and failed by system, with the oldest waiting one's age", async () => {
    clock = T0;
    const crm = await system("metrics-crm");
    const shop = await system("metrics-shop");
    await system("metrics-api-only", null);
    await delivery(crm.id, "PENDING", at(-120_000));
    await delivery(crm.id, "IN_FLIGHT", at(-5_000));
    await delivery(crm.id, "FAILED");
    await delivery(crm.id, "SUCCEEDED");
    await delivery(crm.id, "CANCELLED");
    await delivery(shop.id, "FAILED");
    await delivery(shop.id, "FAILED");

    const text = await metrics().scrape();
    expect(sample(text, "omadata_webhook_deliveries", { system: "metrics-crm", status: "waiting" })).toBe(2);
    expect(sample(text, "omadata_webhook_deliveries", { system: "metrics-crm", status: "failed" })).toBe(1);
    expect(sample(text, "omadata_webhook_oldest_waiting_age_seconds", { system: "metrics-crm" })).toBe(120);
    expect(sample(text, "omadata_webhook_deliveries", { system: "metrics-shop", status: "waiting" })).toBe(0);
    expect(sample(text, "omadata_webhook_deliveries", { system: "metrics-shop", status: "failed" })).toBe(2);
    expect(sample(text, "omadata_webhook_oldest_waiting_age_seconds", { system: "metrics-shop" })).toBe(0);
    // A system that receives no webhooks and has no deliveries is not listed.
    expect(text).not.toContain("metrics-api-only");
  });

  it("webhook outcomes by system: each settled try counted once, from the process's start", async () => {
    clock = T0;
    const crm = await system("outcome-crm");
    const shop = await system("outcome-shop");
    const crmDelivery = await delivery(crm.id, "SUCCEEDED");
    const shopDelivery = await delivery(shop.id, "FAILED");
    // Before the process started (less the settling time): never counted by this process.
    await attempt(crmDelivery.id, at(-SETTLE_MS - 1_000), 200);

    const m = metrics();
    await attempt(crmDelivery.id, at(-SETTLE_MS + 1_000), 500);
    await attempt(crmDelivery.id, at(1_000), 200);
    await attempt(crmDelivery.id, at(2_000), 204);
    await attempt(shopDelivery.id, at(3_000), null);
    await attempt(shopDelivery.id, at(4_000), 410);

    // At T0 + 5 s nothing started since the process did has settled; the try within the settling time before it has.
    clock = at(5_000);
    let text = await m.scrape();
    expect(sample(text, "omadata_webhook_outcomes_total", { system: "outcome-crm", outcome: "failed" })).toBe(1);
    expect(sample(text, "omadata_webhook_outcomes_total", { system: "outcome-crm", outcome: "delivered" })).toBeUndefined();

    // Settled up to T0 + 2.5 s: the two deliveries to the CRM, not yet the shop's tries.
    clock = at(SETTLE_MS + 2_500);
    text = await m.scrape();
    expect(sample(text, "omadata_webhook_outcomes_total", { system: "outcome-crm", outcome: "delivered" })).toBe(2);
    expect(sample(text, "omadata_webhook_outcomes_total", { system: "outcome-crm", outcome: "failed" })).toBe(1);
    expect(sample(text, "omadata_webhook_outcomes_total", { system: "outcome-shop", outcome: "failed" })).toBeUndefined();

    // A try written late into the span still unsettled is counted; nothing is counted twice.
    await attempt(shopDelivery.id, at(3_500), 503);
    clock = at(SETTLE_MS + 60_000);
    text = await m.scrape();
    expect(sample(text, "omadata_webhook_outcomes_total", { system: "outcome-crm", outcome: "delivered" })).toBe(2);
    expect(sample(text, "omadata_webhook_outcomes_total", { system: "outcome-crm", outcome: "failed" })).toBe(1);
    expect(sample(text, "omadata_webhook_outcomes_total", { system: "outcome-shop", outcome: "failed" })).toBe(2);
    expect(sample(text, "omadata_webhook_outcomes_total", { system: "outcome-shop", outcome: "gone" })).toBe(1);
    text = await m.scrape();
    expect(sample(text, "omadata_webhook_outcomes_total", { system: "outcome-shop", outcome: "failed" })).toBe(2);
  });

  it("the audit sequencer's lag: entries waiting to be sealed and how long the oldest has waited", async () => {
    const prisma = t.database.prisma;
    await sequenceAuditLog(prisma);
    clock = T0;
    let text = await metrics().scrape();
    expect(sample(text, "omadata_audit_unsealed_entries")).toBe(0);
    expect(sample(text, "omadata_audit_oldest_unsealed_age_seconds")).toBe(0);
    for (const offset of [-45_000, -5_000]) {
      await runChange({ kind: "SYSTEM", id: "metrics" }, async () => ({ result: undefined, audit: { action: "test.appended", target: `lag:${offset}` } }), { prisma, now: at(offset) });
    }
    text = await metrics().scrape();
    expect(sample(text, "omadata_audit_unsealed_entries")).toBe(2);
    expect(sample(text, "omadata_audit_oldest_unsealed_age_seconds")).toBe(45);
    await sequenceAuditLog(prisma);
    text = await metrics().scrape();
    expect(sample(text, "omadata_audit_unsealed_entries")).toBe(0);
    expect(sample(text, "omadata_audit_oldest_unsealed_age_seconds")).toBe(0);
  });

  it("pool use: PostgreSQL's pool, PGlite's one connection", async () => {
    const text = await metrics().scrape();
    if (testBackend() === "postgres") {
      expect(sample(text, "omadata_db_pool_max")).toBe(20);
      expect(sample(text, "omadata_db_pool_connections", { state: "open" })).toBeGreaterThanOrEqual(1);
      expect(sample(text, "omadata_db_pool_connections", { state: "idle" })).toBeGreaterThanOrEqual(1);
    } else {
      expect(sample(text, "omadata_db_pool_max")).toBe(1);
      expect(sample(text, "omadata_db_pool_connections", { state: "open" })).toBe(1);
      expect(sample(text, "omadata_db_pool_connections", { state: "idle" })).toBeUndefined();
    }
    expect(sample(text, "omadata_db_pool_waiting")).toBe(0);
  });

  it("a database it cannot read: the scrape still answers, says so, and leaves the figures out", async () => {
    const broken = createMetrics({ database: async () => Promise.reject(new Error("unreachable")), settleMs: SETTLE_MS, now: () => clock });
    const text = await broken.scrape();
    expect(sample(text, "omadata_metrics_database_up")).toBe(0);
    expect(sample(text, "omadata_queue_jobs", { kind: "metrics.alpha", status: "pending" })).toBeUndefined();
    expect(sample(text, "omadata_process_cpu_user_seconds_total")).toBeGreaterThanOrEqual(0);
  });
});
