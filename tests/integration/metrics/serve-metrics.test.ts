// /metrics as scripts/server.ts serves it, on a real HTTP server: only with the bearer token
// (401 with WWW-Authenticate otherwise, whatever the method), GET or HEAD; every other request
// is passed on and timed by its kind.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics } from "@/lib/metrics/create-metrics";
import { metricsInterceptor } from "@/lib/metrics/serve-metrics";
import { setupTestDatabase } from "../../support/test-database";

const TOKEN = "metrics-token-for-the-serve-test-0123456789";
let t: Awaited<ReturnType<typeof setupTestDatabase>>;
let server: Server;
let base = "";

beforeAll(async () => {
  t = await setupTestDatabase();
  const intercept = metricsInterceptor(createMetrics({ database: async () => t.database, settleMs: 75_000 }), TOKEN);
  server = createServer((req, res) => {
    if (intercept(req, res)) return;
    res.writeHead(req.url?.startsWith("/missing") ? 404 : 200).end("next.js would answer this");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.drop();
});

const scrape = (init: RequestInit = {}) => fetch(`${base}/metrics`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, ...init.headers } });

describe("GET /metrics", () => {
  it.each([
    ["no Authorization", {}],
    ["a wrong token", { authorization: `Bearer ${TOKEN.replace(/.$/, "x")}` }],
    ["the token as Basic", { authorization: `Basic ${TOKEN}` }],
  ])("refuses %s with 401 and WWW-Authenticate, showing nothing", async (_, headers) => {
    for (const method of ["GET", "POST"]) {
      const response = await fetch(`${base}/metrics`, { method, headers });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
      expect(await response.text()).not.toContain("omadata_");
    }
  });

  it("answers the token in Prometheus text format, not cached", async () => {
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(text).toContain("# TYPE omadata_http_request_duration_seconds histogram");
    expect(text).toContain("omadata_metrics_database_up 1");
    const query = await fetch(`${base}/metrics?format=x`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(query.status).toBe(200);
  });

  it("HEAD answers without a body; other methods get 405", async () => {
    const head = await scrape({ method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const post = await scrape({ method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("passes every other request on and times it by kind, operation and status class", async () => {
    const before = await (await scrape()).text();
    const count = (text: string, labels: string) => Number(new RegExp(`^omadata_http_request_duration_seconds_count\\{${labels}\\} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
    const page = count(before, 'kind="page",status_class="2xx"');
    const missing = count(before, 'kind="page",status_class="4xx"');
    const api = count(before, 'kind="api",operation="checkConsents",status_class="2xx"');
    const action = count(before, 'kind="action",status_class="2xx"');

    expect(await (await fetch(`${base}/profile`)).text()).toBe("next.js would answer this");
    await (await fetch(`${base}/missing/page`)).text();
    await (await fetch(`${base}/api/v1/consents/check`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } })).text();
    await (await fetch(`${base}/profile`, { method: "POST", headers: { "next-action": "abc123" }, body: "[]" })).text();
    await (await fetch(`${base}/metrics/other`)).text();

    const after = await (await scrape()).text();
    expect(count(after, 'kind="page",status_class="2xx"')).toBe(page + 2);
    expect(count(after, 'kind="page",status_class="4xx"')).toBe(missing + 1);
    expect(count(after, 'kind="api",operation="checkConsents",status_class="2xx"')).toBe(api + 1);
    expect(count(after, 'kind="action",status_class="2xx"')).toBe(action + 1);
    // Scrapes are not timed; no path or id becomes a label.
    expect(after).not.toMatch(/metrics\/other|missing\/page|\/profile/);
  });
});
