// Idempotency-Key replays, problem+json for bad input (nothing written), and the rate limit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiScopes } from "@/lib/api-keys/scopes";
import { overrideConfig } from "@/lib/config";
import { createPerson } from "../../factories/persons";
import { createKey, createSystem } from "../../factories/systems";
import { api } from "../../support/api-client";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let key: string;
beforeAll(async () => {
  overrideConfig({ API_RATE_LIMIT_PER_MINUTE: "1000" });
  t = await setupTestDatabase();
  key = await createKey((await createSystem()).id, [...apiScopes]);
});
afterAll(async () => t.drop());

const writes = async () => ({
  audit: await t.database.prisma.auditEntry.count(),
  outbox: await t.database.prisma.outboxEvent.count(),
  interactions: await t.database.prisma.interaction.count(),
  identities: await t.database.prisma.externalIdentity.count(),
  changes: await t.database.prisma.personFieldChange.count(),
  persons: await t.database.prisma.person.count(),
  consents: await t.database.prisma.consentEvent.count(),
});

describe("Idempotency-Key", () => {
  it("replays the first response for a repeated key and writes nothing more", async () => {
    const person = await createPerson(t.database.prisma);
    const request = { key, headers: { "idempotency-key": "order-1001" }, body: { externalId: "O-1001", kind: "PURCHASE", occurredAt: "2026-11-01T10:00:00Z", summary: "Kayak", amountMinor: 129900, currency: "EUR" } };
    const first = await api("POST", `/api/v1/persons/${person.id}/interactions`, request);
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const after = await writes();

    const again = await api("POST", `/api/v1/persons/${person.id}/interactions`, request);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await writes()).toEqual(after);

    // The same key with another body is refused; so is a malformed key.
    const other = await api("POST", `/api/v1/persons/${person.id}/interactions`, { ...request, body: { ...request.body, summary: "Canoe" } });
    expect(other.status).toBe(422);
    expect(other.headers.get("content-type")).toBe("application/problem+json");
    const badKey = await api("POST", `/api/v1/persons/${person.id}/interactions`, { ...request, headers: { "idempotency-key": "" } });
    expect(badKey.status).toBe(400);
    expect(await writes()).toEqual(after);
  });

  it("replays a correction and a first error alike", async () => {
    const person = await createPerson(t.database.prisma);
    const headers = { "idempotency-key": "fix-city-1" };
    const body = { observedAt: new Date().toISOString(), changes: { city: "Tampere" } };
    const first = await api("PATCH", `/api/v1/persons/${person.id}`, { key, headers, body });
    expect(first).toMatchObject({ status: 200, body: { changedFields: ["city"] } });
    const before = await writes();
    const second = await api("PATCH", `/api/v1/persons/${person.id}`, { key, headers, body });
    expect(second).toMatchObject({ status: 200, body: { changedFields: ["city"] } });
    expect(await writes()).toEqual(before);

    const missing = { "idempotency-key": "missing-person" };
    const notFound = await api("PATCH", "/api/v1/persons/nobody", { key, headers: missing, body });
    expect(notFound.status).toBe(404);
    expect((await api("PATCH", "/api/v1/persons/nobody", { key, headers: missing, body })).headers.get("idempotent-replayed")).toBe("true");
  });
});

describe("problem+json", () => {
  it.each([
    ["not JSON", "{ nope"],
    ["the wrong shape", { kind: "PURCHASE" }],
    ["an unknown field", { externalId: "E", kind: "PURCHASE", occurredAt: "2026-11-01T10:00:00Z", summary: "x", extra: 1 }],
    ["a bad date", { externalId: "E", kind: "PURCHASE", occurredAt: "yesterday", summary: "x" }],
    ["an amount without currency", { externalId: "E", kind: "PURCHASE", occurredAt: "2026-11-01T10:00:00Z", summary: "x", amountMinor: 5 }],
  ])("answers 400 for %s and writes nothing", async (_label, body) => {
    const person = await createPerson(t.database.prisma);
    const before = await writes();
    const response = await api("POST", `/api/v1/persons/${person.id}/interactions`, { key, body, headers: { "idempotency-key": `bad-${Math.random()}` } });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.body).toMatchObject({ type: expect.stringContaining("#problem-bad_request"), title: expect.any(String), status: 400 });
    expect(await writes()).toEqual(before);
  });

  it("lists the fields of a correction that fails validation, and writes nothing", async () => {
    const person = await createPerson(t.database.prisma);
    const before = await writes();
    const response = await api("PATCH", `/api/v1/persons/${person.id}`, { key, body: { observedAt: new Date().toISOString(), changes: { phone: "12345", givenName: "x".repeat(101) } } });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["changes.givenName", "changes.phone"]);
    expect(await writes()).toEqual(before);
  });

  it("answers 400 for a bad query, 404 for an unknown person, and never leaks an unknown error", async () => {
    expect((await api("GET", "/api/v1/persons?limit=5000", { key })).status).toBe(400);
    expect((await api("GET", "/api/v1/persons?color=blue", { key })).status).toBe(400);
    const missing = await api("GET", "/api/v1/persons/unknown-id", { key });
    expect(missing).toMatchObject({ status: 404, body: { status: 404, type: expect.stringContaining("problem-not_found") } });
  });

  it("rate-limits per key with 429 and Retry-After", async () => {
    overrideConfig({ API_RATE_LIMIT_PER_MINUTE: "3" });
    try {
      const limited = await createKey((await createSystem()).id, ["events:read"]);
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await api("GET", "/api/v1/events", { key: limited })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await api("GET", "/api/v1/events", { key: limited });
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused.body).toMatchObject({ status: 429, type: expect.stringContaining("problem-rate_limited") });
    } finally {
      overrideConfig({ API_RATE_LIMIT_PER_MINUTE: "1000" });
    }
    // Per key: another key is not affected.
    expect((await api("GET", "/api/v1/events", { key })).status).toBe(200);
  });
});
