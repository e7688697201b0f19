// /metrics on the real server, no browser: the suite's server has METRICS_TOKEN and answers it
// with every metric the README documents (and only to the token); a second instance without
// METRICS_TOKEN has no /metrics at all.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, request as apiRequest, test } from "@playwright/test";
import { E2E_PORT, E2E_SERVER_LOG, METRICS_TOKEN } from "./support/env";
import { startSecondInstance, type SecondInstance } from "./support/second-instance";

/** Every metric name in the README's Metrics table (its first column). */
function documentedMetrics(): string[] {
  const readme = readFileSync(path.join(process.cwd(), "README.md"), "utf8");
  const section = readme.split(/^## Metrics$/m)[1]?.split(/^## /m)[0] ?? "";
  const rows = section.split("\n").filter((line) => line.startsWith("| `omadata_"));
  return rows.flatMap((row) => [...row.split("|")[1]!.matchAll(/`(omadata_[a-z0-9_]+)`/g)].map((m) => m[1]!));
}

test.describe("the suite's server, with METRICS_TOKEN", () => {
  test("answers the token with every documented metric, and labels an API call by its operation", async ({ request }) => {
    const names = documentedMetrics();
    expect(names.length).toBeGreaterThanOrEqual(12);
    // A page and an API call (refused without a key) before the scrape, so both kinds have samples.
    expect((await request.get("/signin")).status()).toBe(200);
    expect((await request.post("/api/v1/consents/check", { data: {} })).status()).toBe(401);

    const response = await request.get("/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const name of names) expect(text, name).toMatch(new RegExp(`^# TYPE ${name} `, "m"));
    expect(text).toMatch(/^omadata_http_request_duration_seconds_count\{kind="page",status_class="2xx"\} [1-9]/m);
    expect(text).toMatch(/^omadata_http_request_duration_seconds_count\{kind="api",operation="checkConsents",status_class="4xx"\} [1-9]/m);
    expect(text).toMatch(/^omadata_metrics_database_up 1$/m);
    // The suite's server runs on PGlite: one connection.
    expect(text).toMatch(/^omadata_db_pool_max 1$/m);
  });

  test("refuses a missing or wrong token with 401, and never logs the token", async ({ request }) => {
    const refused: Record<string, string>[] = [{}, { authorization: `Bearer ${METRICS_TOKEN.slice(0, -1)}x` }, { authorization: METRICS_TOKEN }];
    for (const headers of refused) {
      const response = await request.get("/metrics", { headers });
      expect(response.status()).toBe(401);
      expect(response.headers()["www-authenticate"]).toBe('Bearer realm="metrics"');
      expect(await response.text()).not.toContain("omadata_");
    }
    expect(readFileSync(E2E_SERVER_LOG, "utf8")).not.toContain(METRICS_TOKEN);
  });
});

test.describe("an instance without METRICS_TOKEN", () => {
  const port = E2E_PORT + 91;
  const url = `http://localhost:${port}`;
  let instance: SecondInstance | undefined;

  test.beforeAll(async () => {
    test.setTimeout(150_000);
    instance = startSecondInstance({
      name: "the instance",
      dirName: "metrics",
      port,
      url,
      unset: ["METRICS_TOKEN", "TRUST_PROXY", "SMTP_URL"],
      // Serving is all a 404 on /metrics needs: any answer from /api/health will do, even a 503.
      readyWhen: "answer",
      timeoutMs: 130_000,
    });
    await instance.ready();
  });

  test.afterAll(async () => instance?.stop());

  test("has no /metrics: 404, with or without a token", async () => {
    const api = await apiRequest.newContext({ baseURL: url });
    try {
      const asked: Record<string, string>[] = [{}, { authorization: `Bearer ${METRICS_TOKEN}` }];
      for (const headers of asked) {
        const response = await api.get("/metrics", { headers });
        expect(response.status()).toBe(404);
        expect(await response.text()).not.toContain("omadata_");
      }
    } finally {
      await api.dispose();
    }
  });
});
