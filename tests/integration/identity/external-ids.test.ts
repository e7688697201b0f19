// A person may hold several ids in one connected system (two CRM records of one customer): the
// API lists them all, sorted, and so does every webhook body's top-level externalIds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiScopes } from "@/lib/api-keys/scopes";
import { overrideConfig } from "@/lib/config";
import { correctPerson } from "@/lib/persons/correct-person";
import { createPerson } from "../../factories/persons";
import { createKey, createSystem } from "../../factories/systems";
import { api } from "../../support/api-client";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let key: string;
let crm: Awaited<ReturnType<typeof createSystem>>;
let shopKey: string;
let shop: Awaited<ReturnType<typeof createSystem>>;
beforeAll(async () => {
  overrideConfig({ API_RATE_LIMIT_PER_MINUTE: "100000" });
  t = await setupTestDatabase();
  crm = await createSystem();
  shop = await createSystem();
  key = await createKey(crm.id, [...apiScopes]);
  shopKey = await createKey(shop.id, [...apiScopes]);
});
afterAll(async () => t.drop());

const stamp = Date.now();
type Payload = { externalIds: Record<string, string[]> };

describe("several external ids of one system", () => {
  it("links a second CRM id beside the first; reads, look-ups and webhooks list both, sorted", async () => {
    const person = await createPerson(t.database.prisma, {}, [{ system: crm.key, externalId: `200011-${stamp}` }]);
    const linked = await api("POST", `/api/v1/persons/${person.id}/external-ids`, { key, body: { externalId: `100005-${stamp}` } });
    expect(linked).toMatchObject({ status: 201, body: { system: crm.key, externalId: `100005-${stamp}`, linked: true } });
    expect((await api("POST", `/api/v1/persons/${person.id}/external-ids`, { key: shopKey, body: { externalId: `WS-${stamp}` } })).status).toBe(201);

    const both = { [crm.key]: [`100005-${stamp}`, `200011-${stamp}`], [shop.key]: [`WS-${stamp}`] };
    const read = await api("GET", `/api/v1/persons/${person.id}`, { key });
    expect(read.body.externalIds).toEqual(both);
    // Either id finds the person, and the answer shows both.
    for (const externalId of [`100005-${stamp}`, `200011-${stamp}`]) {
      const found = await api("GET", `/api/v1/persons?externalId=${externalId}`, { key });
      expect(found.body.items.map((p: { id: string; externalIds: unknown }) => [p.id, p.externalIds])).toEqual([[person.id, both]]);
    }

    const linkEvent = await t.database.prisma.outboxEvent.findFirstOrThrow({ where: { personId: person.id, type: "person.identity_linked", payload: { path: ["data", "externalId"], equals: `100005-${stamp}` } } });
    expect((linkEvent.payload as Payload).externalIds).toEqual({ [crm.key]: [`100005-${stamp}`, `200011-${stamp}`] });
    await correctPerson({ actor: { kind: "PERSON", id: "u" }, personId: person.id, input: { city: "Turku" }, source: "PERSON" });
    const updated = await t.database.prisma.outboxEvent.findFirstOrThrow({ where: { personId: person.id, type: "person.updated" } });
    expect((updated.payload as Payload).externalIds).toEqual(both);
  });

  it("still refuses an id of the system that another person holds, and links nothing", async () => {
    const [a, b] = [await createPerson(t.database.prisma), await createPerson(t.database.prisma)];
    expect((await api("POST", `/api/v1/persons/${a.id}/external-ids`, { key, body: { externalId: `TAKEN-${stamp}` } })).status).toBe(201);
    const refused = await api("POST", `/api/v1/persons/${b.id}/external-ids`, { key, body: { externalId: `TAKEN-${stamp}` } });
    expect(refused).toMatchObject({ status: 409, body: { errors: [{ path: "externalId", message: "externalIdTaken" }] } });
    expect((await api("GET", `/api/v1/persons/${b.id}`, { key })).body.externalIds).toEqual({});
  });
});
