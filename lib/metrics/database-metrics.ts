// The gauges and counters /metrics reads from the database at scrape time: whatever process
// (app instance or separate worker) did the work, every instance reports the same numbers.
import { Counter, Gauge, type Registry } from "prom-client";
import type { Database } from "../db/connection";
import { describeError, log } from "../log";
import { countJobsByKind } from "../queue/count-jobs-by-kind";

export interface DatabaseMetricsOptions {
  registry: Registry;
  database: () => Promise<Database>;
  now: () => Date;
  /**
   * How old a webhook try must be before it is counted: longer than a try can take
   * (WEBHOOK_TIMEOUT_MS) plus the moment its outcome waits to be written, so no try is written
   * into a span already counted.
   */
  settleMs: number;
  /** No query of a scrape runs longer (PostgreSQL; PGlite has one connection and no timer). */
  statementTimeoutMs?: number;
}

export type WebhookOutcome = "delivered" | "failed" | "gone";

/** The smallest UUIDv7 (as the ids of DeliveryAttempt are) made at or after `ms`, as text. */
export function uuid7Floor(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
}

const ageSeconds = (now: Date, since: Date | null) => (since ? Math.max(0, (now.getTime() - since.getTime()) / 1000) : 0);

export function databaseMetrics({ registry, database, now, settleMs, statementTimeoutMs = 5_000 }: DatabaseMetricsOptions) {
  const registers = [registry];
  const jobs = new Gauge({ name: "omadata_queue_jobs", help: "Queued jobs by kind and status (pending, running, dead).", labelNames: ["kind", "status"], registers });
  const oldestDue = new Gauge({
    name: "omadata_queue_oldest_due_age_seconds",
    help: "How long the longest-waiting due job of each kind has waited since it became due (0: none is due).",
    labelNames: ["kind"],
    registers,
  });
  const deliveries = new Gauge({
    name: "omadata_webhook_deliveries",
    help: "Webhook deliveries by system: waiting (pending or being sent) and failed (out of tries or answered 410 Gone, until replayed).",
    labelNames: ["system", "status"],
    registers,
  });
  const oldestWaiting = new Gauge({
    name: "omadata_webhook_oldest_waiting_age_seconds",
    help: "How long the oldest waiting webhook delivery of each system has waited since it was created (0: none waits).",
    labelNames: ["system"],
    registers,
  });
  const outcomes = new Counter({
    name: "omadata_webhook_outcomes_total",
    help: "Webhook tries by system and outcome (delivered: 2xx; gone: 410; failed: any other answer or none), counted from the database once a try is settled.",
    labelNames: ["system", "outcome"],
    registers,
  });
  const poolMax = new Gauge({ name: "omadata_db_pool_max", help: "The most database connections this process opens (PGlite: its one embedded connection).", registers });
  const poolConnections = new Gauge({
    name: "omadata_db_pool_connections",
    help: "Database connections of this process open now (state=open) and of them idle (state=idle, PostgreSQL only).",
    labelNames: ["state"],
    registers,
  });
  const poolWaiting = new Gauge({ name: "omadata_db_pool_waiting", help: "Queries of this process waiting for a database connection (PostgreSQL only).", registers });
  const auditUnsealed = new Gauge({ name: "omadata_audit_unsealed_entries", help: "Audit entries written but not yet sealed into the hash chain by the sequencer.", registers });
  const auditOldestUnsealed = new Gauge({
    name: "omadata_audit_oldest_unsealed_age_seconds",
    help: "How long the oldest audit entry waiting for the sequencer has waited since it was written (0: none waits).",
    registers,
  });
  const databaseUp = new Gauge({ name: "omadata_metrics_database_up", help: "1 when this scrape read the database gauges, 0 when it could not (they are then left out).", registers });

  // Tries whose id (made when the try started) falls before this are counted already. Counting
  // starts when the process does, as any counter; each scrape counts only the tries since the last.
  let countedUntil = now().getTime() - settleMs;

  async function collect(): Promise<void> {
    const scraped = [jobs, oldestDue, deliveries, oldestWaiting, poolConnections, auditUnsealed, auditOldestUnsealed];
    for (const gauge of scraped) gauge.reset();
    try {
      const db = await database();
      const prisma = db.prisma;
      const at = now();
      const until = Math.max(countedUntil, at.getTime() - settleMs);
      // One short transaction, so a statement timeout bounds every query of the scrape.
      const [, jobRows, deliveryRows, outcomeRows, auditRows] = await prisma.$transaction([
        prisma.$executeRawUnsafe(`SET LOCAL statement_timeout = ${Math.floor(statementTimeoutMs)}`),
        countJobsByKind(prisma, at),
        prisma.$queryRaw<{ system: string; waiting: number; failed: number; oldestWaitingAt: Date | null }[]>`
          SELECT s."key" AS "system", coalesce(c."waiting", 0)::int AS "waiting", coalesce(c."failed", 0)::int AS "failed", c."oldestWaitingAt"
          FROM "ConnectedSystem" s
          LEFT JOIN (
            SELECT "systemId",
              count(*) FILTER (WHERE "status" IN ('PENDING', 'IN_FLIGHT')) AS "waiting",
              count(*) FILTER (WHERE "status" = 'FAILED') AS "failed",
              min("createdAt") FILTER (WHERE "status" IN ('PENDING', 'IN_FLIGHT')) AS "oldestWaitingAt"
            FROM "Delivery" WHERE "status" IN ('PENDING', 'IN_FLIGHT', 'FAILED')
            GROUP BY "systemId"
          ) c ON c."systemId" = s."id"
          WHERE s."webhookUrl" IS NOT NULL OR c."systemId" IS NOT NULL`,
        prisma.$queryRaw<{ system: string; outcome: WebhookOutcome; count: number }[]>`
          SELECT s."key" AS "system",
            CASE WHEN a."statusCode" BETWEEN 200 AND 299 THEN 'delivered' WHEN a."statusCode" = 410 THEN 'gone' ELSE 'failed' END AS "outcome",
            count(*)::int AS "count"
          FROM "DeliveryAttempt" a
          JOIN "Delivery" d ON d."id" = a."deliveryId"
          JOIN "ConnectedSystem" s ON s."id" = d."systemId"
          WHERE a."id" >= ${uuid7Floor(countedUntil)} AND a."id" < ${uuid7Floor(until)}
          GROUP BY 1, 2`,
        prisma.$queryRaw<{ waiting: number; oldestAt: Date | null }[]>`
          SELECT count(*)::int AS "waiting", min("at") AS "oldestAt" FROM "AuditEntry" WHERE "seq" IS NULL`,
      ]);
      for (const row of jobRows) {
        jobs.set({ kind: row.kind, status: "pending" }, row.pending);
        jobs.set({ kind: row.kind, status: "running" }, row.running);
        jobs.set({ kind: row.kind, status: "dead" }, row.dead);
        oldestDue.set({ kind: row.kind }, ageSeconds(at, row.oldestDueAt));
      }
      for (const row of deliveryRows) {
        deliveries.set({ system: row.system, status: "waiting" }, row.waiting);
        deliveries.set({ system: row.system, status: "failed" }, row.failed);
        oldestWaiting.set({ system: row.system }, ageSeconds(at, row.oldestWaitingAt));
      }
      for (const row of outcomeRows) outcomes.inc({ system: row.system, outcome: row.outcome }, row.count);
      countedUntil = until;
      setPoolUse(db);
      auditUnsealed.set(auditRows[0]?.waiting ?? 0);
      auditOldestUnsealed.set(ageSeconds(at, auditRows[0]?.oldestAt ?? null));
      databaseUp.set(1);
    } catch (error) {
      for (const gauge of scraped) gauge.reset();
      databaseUp.set(0);
      log.warn("metrics.database_unreadable", describeError(error));
    }
  }

  function setPoolUse(db: Database) {
    const use = db.poolUse();
    poolMax.set(use?.max ?? 1);
    poolConnections.set({ state: "open" }, use?.open ?? 1);
    if (!use) return;
    poolConnections.set({ state: "idle" }, use.idle);
    poolWaiting.set(use.waiting);
  }

  return { collect };
}
