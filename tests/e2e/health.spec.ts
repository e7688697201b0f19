import { expect, test } from "@playwright/test";

test("/api/health reports the database, migrations and the worker heartbeat", async ({ request }) => {
  await expect
    .poll(async () => ((await (await request.get("/api/health")).json()) as { worker?: { heartbeatAgeSeconds: number | null } }).worker?.heartbeatAgeSeconds ?? null)
    .not.toBeNull();
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const health = await response.json();
  expect(health).toMatchObject({ status: "ok", database: "ok", migrations: { pending: [] } });
  expect(health.migrations.applied).toBeGreaterThan(0);
  expect(health.worker.heartbeatAgeSeconds).toBeLessThan(30);
});

test("the local outbox page is not served while SMTP_URL is set", async ({ request }) => {
  expect((await request.get("/dev/outbox")).status()).toBe(404);
});

test("Auth.js sign-in endpoint cannot be used to bypass the rate-limited form", async ({ request }) => {
  expect((await request.post("/api/auth/signin/nodemailer", { form: { email: "someone@example.com" } })).status()).toBe(404);
});
