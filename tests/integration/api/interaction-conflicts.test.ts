// An interaction is stored once per system and external id. The same report again is an
// idempotent repeat (200, created: false); the same id with other content is 409 problem+json
// and changes nothing: the first report stands.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overrideConfig } from "@/lib/config";
import { createPerson } from "../../factories/persons";
import { createKey, createSystem } from "../../factories/systems";
import { api } from "../../support/api-client";
import { rowCounter } from "../../support/row-counter";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let key: string;
let counts: () => Promise<Record<string, number>>;
beforeAll(async () => {
  overrideConfig({ API_RATE_LIMIT_PER_MINUTE: "100000" });
  t = await setupTestDatabase();
  const system = await createSystem();
  key = await createKey(system.id, ["interactions:write"]);
  counts = await rowCounter(t.database);
});
afterAll(async () => t.drop());

const base = { kind: "PURCHASE", occurredAt: "2026-10-01T12:00:00Z", summary: "Bicycle", amountMinor: 89_900, currency: "EUR" };
const post = (personId: string, body: Record<string, unknown>) => api("POST", `/api/v1/persons/${personId}/interactions`, { key, body });

describe("POST /api/v1/persons/{id}/interactions with an external id already stored", () => {
  it("answers the same content, spelt differently, as an idempotent repeat", async () => {
    const person = await createPerson(t.database.prisma);
    const first = await post(person.id, { ...base, externalId: "ORD-1" });
    expect(first.status).toBe(201);
    const before = await counts();
    // The same instant in another offset, the same summary with surrounding spaces: stored alike.
    const again = await post(person.id, { ...base, externalId: "ORD-1", occurredAt: "2026-10-01T15:00:00.000+03:00", summary: "  Bicycle " });
    expect(again).toMatchObject({ status: 200, body: { ...first.body, created: false } });
    expect(await counts()).toEqual(before);
  });

  it("answers the same id with other content with 409 and keeps the first", async () => {
    const person = await createPerson(t.database.prisma);
    expect((await post(person.id, { ...base, externalId: "ORD-2" })).status).toBe(201);
    const changes: Record<string, unknown>[] = [
      { amountMinor: 79_900 },
      { currency: "SEK" },
      { summary: "Bicycle and helmet" },
      { kind: "SERVICE" },
      { occurredAt: "2026-10-02T12:00:00Z" },
      { amountMinor: undefined, currency: undefined },
    ];
    for (const change of changes) {
      const before = await counts();
      const answer = await post(person.id, { ...base, externalId: "ORD-2", ...change });
      expect(answer.status, JSON.stringify(change)).toBe(409);
      expect(answer.headers.get("content-type")).toBe("application/problem+json");
      expect(answer.body).toMatchObject({ status: 409, detail: "the interaction already exists with other content", errors: [{ path: "externalId", message: "interactionExistsWithOtherContent" }] });
      expect(await counts()).toEqual(before);
    }
    const stored = await t.database.prisma.interaction.findMany({ where: { personId: person.id }, select: { kind: true, occurredAt: true, summary: true, amountMinor: true, currency: true } });
    expect(stored).toEqual([{ kind: "PURCHASE", occurredAt: new Date(base.occurredAt), summary: "Bicycle", amountMinor: 89_900, currency: "EUR" }]);
  });

  it("still refuses an id that belongs to another person's interaction with 409", async () => {
    const [one, two] = [await createPerson(t.database.prisma), await createPerson(t.database.prisma)];
    expect((await post(one.id, { ...base, externalId: "ORD-3" })).status).toBe(201);
    expect(await post(two.id, { ...base, externalId: "ORD-3" })).toMatchObject({ status: 409, body: { errors: [{ path: "externalId", message: "externalIdTaken" }] } });
  });
});
