// The local outbox page and the test hooks: who is served them, and when.
import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { localOutboxServed, testHooksServed } from "@/lib/runtime/dev-surfaces";

const PG = { DATABASE_URL: "postgresql://app@db.internal:5432/omadata", AUTH_SECRET: "s".repeat(32), ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64") };

describe("/dev/outbox", () => {
  it("is served to loopback clients of an embedded trial by default, never to others", () => {
    const trial = parseConfig({});
    expect(localOutboxServed(trial, "127.0.0.1")).toBe(true);
    expect(localOutboxServed(trial, "::1")).toBe(true);
    expect(localOutboxServed(trial, "::ffff:127.0.0.1")).toBe(true);
    expect(localOutboxServed(trial, "192.168.1.20")).toBe(false);
    expect(localOutboxServed(trial, null)).toBe(false);
  });

  it("is off by default behind a proxy, on a public APP_URL, with PostgreSQL, and with SMTP", () => {
    // Behind a same-host proxy every visitor arrives from loopback: the page must not be there at all.
    for (const env of [{ TRUST_PROXY: "true" }, { APP_URL: "https://omadata.example.com" }, PG, { SMTP_URL: "smtp://mail.example.com" }]) {
      expect(localOutboxServed(parseConfig(env), "127.0.0.1")).toBe(false);
    }
  });

  it("follows LOCAL_OUTBOX when set, but never while SMTP_URL sends the emails", () => {
    expect(localOutboxServed(parseConfig({ LOCAL_OUTBOX: "false" }), "127.0.0.1")).toBe(false);
    expect(localOutboxServed(parseConfig({ ...PG, LOCAL_OUTBOX: "true" }), "127.0.0.1")).toBe(true);
    expect(localOutboxServed(parseConfig({ ...PG, LOCAL_OUTBOX: "true" }), "10.0.0.5")).toBe(false);
    expect(localOutboxServed(parseConfig({ LOCAL_OUTBOX: "true", SMTP_URL: "smtp://mail.example.com" }), "127.0.0.1")).toBe(false);
  });
});

describe("/api/test-hooks", () => {
  it("is served only with TEST_HOOKS=true, and then only to loopback clients", () => {
    expect(testHooksServed(parseConfig({}), "127.0.0.1")).toBe(false);
    expect(testHooksServed(parseConfig({ TEST_HOOKS: "true" }), "127.0.0.1")).toBe(true);
    expect(testHooksServed(parseConfig({ TEST_HOOKS: "true" }), "203.0.113.9")).toBe(false);
  });
});
