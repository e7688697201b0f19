// Times of past events that systems send (consent collected, interaction occurred, values
// observed) may not lie in the future beyond the allowed clock skew: 422 problem+json naming the
// field, nothing written. Within the skew they are taken.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiScopes } from "@/lib/api-keys/scopes";
import { overrideConfig } from "@/lib/config";
import { CLOCK_SKEW_MS } from "@/lib/validation/not-in-future";
import { createPerson } from "../../factories/persons";
import { createPublishedPurpose } from "../../factories/purposes";
import { createKey, createSystem } from "../../factories/systems";
import { api } from "../../support/api-client";
import { rowCounter } from "../../support/row-counter";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let key: string;
let counts: () => Promise<Record<string, number>>;
let purposeKey: string;
beforeAll(async () => {
  overrideConfig({ API_RATE_LIMIT_PER_MINUTE: "100000" });
  t = await setupTestDatabase();
  const system = await createSystem();
  key = await createKey(system.id, [...apiScopes]);
  purposeKey = await createPublishedPurpose();
  counts = await rowCounter(t.database);
});
afterAll(async () => t.drop());

/** Past the allowed skew by a minute: clearly in the future. */
const tooLate = () => new Date(Date.now() + CLOCK_SKEW_MS + 60_000).toISOString();
/** Ahead of our clock, but within the skew a caller's clock may have. */
const withinSkew = () => new Date(Date.now() + CLOCK_SKEW_MS - 60_000).toISOString();

async function expectRefused(call: () => Promise<{ status: number; headers: Headers; body: { errors?: { path: string; message: string }[] } }>, path: string) {
  const before = await counts();
  const answer = await call();
  expect(answer.status).toBe(422);
  expect(answer.headers.get("content-type")).toBe("application/problem+json");
  expect(answer.body.errors).toEqual([{ path, message: "inFuture" }]);
  expect(await counts()).toEqual(before);
}

describe("times of past events sent to the API", () => {
  it("allows five minutes of clock skew", () => {
    expect(CLOCK_SKEW_MS).toBe(5 * 60 * 1000);
  });

  it("refuses consent evidence collected in the future", async () => {
    const person = await createPerson(t.database.prisma);
    const body = (collectedAt: string) => ({ person: { id: person.id }, purposeKey, status: "GRANTED", evidence: { collectedAt, method: "web_form" } });
    await expectRefused(() => api("POST", "/api/v1/consents", { key, body: body(tooLate()) }), "evidence.collectedAt");
    // A new person by email is not created either.
    await expectRefused(
      () => api("POST", "/api/v1/consents", { key, body: { ...body(tooLate()), person: { email: `future-${person.id}@example.test` } } }),
      "evidence.collectedAt",
    );
    expect((await api("POST", "/api/v1/consents", { key, body: body(withinSkew()) })).status).toBe(201);
  });

  it("refuses an interaction that occurred in the future", async () => {
    const person = await createPerson(t.database.prisma);
    const body = (occurredAt: string, externalId: string) => ({ externalId, kind: "PURCHASE", occurredAt, summary: "Order", amountMinor: 1990, currency: "EUR" });
    await expectRefused(() => api("POST", `/api/v1/persons/${person.id}/interactions`, { key, body: body(tooLate(), "F-1") }), "occurredAt");
    expect((await api("POST", `/api/v1/persons/${person.id}/interactions`, { key, body: body(withinSkew(), "F-2") })).status).toBe(201);
  });

  it("refuses a correction observed in the future (it would override the person's own later changes)", async () => {
    const person = await createPerson(t.database.prisma);
    await expectRefused(() => api("PATCH", `/api/v1/persons/${person.id}`, { key, body: { observedAt: tooLate(), changes: { city: "Oulu" } } }), "observedAt");
    expect((await api("PATCH", `/api/v1/persons/${person.id}`, { key, body: { observedAt: withinSkew(), changes: { city: "Oulu" } } })).status).toBe(200);
  });

  it("still answers a malformed time with 400", async () => {
    const person = await createPerson(t.database.prisma);
    const answer = await api("POST", `/api/v1/persons/${person.id}/interactions`, { key, body: { externalId: "F-3", kind: "PURCHASE", occurredAt: "tomorrow", summary: "Order" } });
    expect(answer.status).toBe(400);
  });
});
