// The process's Prometheus registry (prom-client): HTTP latency by route kind, measured by the
// server before Next.js sees a request; the queue, webhook and pool figures, read at scrape
// time; and the process's own metrics. No "server-only": scripts/server.ts imports it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { Database } from "../db/connection";
import { classifyRequest, statusClassOf } from "./classify-request";
import { databaseMetrics } from "./database-metrics";

export interface MetricsOptions {
  database: () => Promise<Database>;
  /** See DatabaseMetricsOptions.settleMs. */
  settleMs: number;
  now?: () => Date;
}

export interface Metrics {
  registry: Registry;
  /** Times a request until its answer is sent (or the client goes away). */
  observeRequest(req: IncomingMessage, res: ServerResponse): void;
  /** Reads the database figures and answers the registry in Prometheus text format. */
  scrape(): Promise<string>;
  contentType: string;
}

/** Seconds; 0.05 and 0.1 are the latency targets (issue #16). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics({ database, settleMs, now = () => new Date() }: MetricsOptions): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "omadata_" });
  const latency = new Histogram({
    name: "omadata_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by route kind (page, action, api, auth, asset, other), API operation and status class.",
    labelNames: ["kind", "operation", "status_class"],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const fromDatabase = databaseMetrics({ registry, database, now, settleMs });

  return {
    registry,
    contentType: registry.contentType,
    observeRequest(req, res) {
      const started = process.hrtime.bigint();
      const { kind, operation } = classifyRequest(req.method ?? "GET", req.url ?? "/", req.headers);
      res.once("close", () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const statusClass = res.writableFinished ? statusClassOf(res.statusCode) : "aborted";
        latency.observe(operation ? { kind, operation, status_class: statusClass } : { kind, status_class: statusClass }, seconds);
      });
    },
    async scrape() {
      await fromDatabase.collect();
      return registry.metrics();
    },
  };
}
