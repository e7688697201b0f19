// Every route against a key of every single scope: only its own scope gets through (403 otherwise).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { apiScopes, type ApiScope } from "@/lib/api-keys/scopes";
import { apiRoutes, type ApiRouteName } from "@/lib/api/api-routes";
import { overrideConfig } from "@/lib/config";
import { sendTestEvent } from "@/lib/propagation/send-test-event";
import { createPerson, uniqueEmail } from "../../factories/persons";
import { createPublishedPurpose } from "../../factories/purposes";
import { createKey, createSystem, systemAdmin } from "../../factories/systems";
import { api } from "../../support/api-client";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
const keys = {} as Record<ApiScope, string>;
let requests: Record<ApiRouteName, () => { method: string; path: string; body?: unknown }>;
let email: string;
let personId: string;

beforeAll(async () => {
  overrideConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true" });
  t = await setupTestDatabase();
  const system = await createSystem({ webhookUrl: "http://127.0.0.1:9/hook", eventTypes: [] });
  for (const scope of apiScopes) keys[scope] = await createKey(system.id, [scope]);
  email = uniqueEmail();
  personId = (await createPerson(t.database.prisma, { email })).id;
  const purposeKey = await createPublishedPurpose();
  const { eventId } = await sendTestEvent({ actor: systemAdmin, systemId: system.id });
  const importForm = () => {
    const form = new FormData();
    form.append("file", new File(["email\nscopes@example.test\n"], "scopes.csv"));
    form.append("dryRun", "true");
    return form;
  };
  const importId = (await api("POST", "/api/v1/imports", { key: keys["imports:write"], body: importForm() })).body.id as string;
  const now = new Date().toISOString();
  let n = 0;
  requests = {
    listPersons: () => ({ method: "GET", path: `/api/v1/persons?email=${encodeURIComponent(email)}` }),
    getPerson: () => ({ method: "GET", path: `/api/v1/persons/${personId}` }),
    correctPerson: () => ({ method: "PATCH", path: `/api/v1/persons/${personId}`, body: { observedAt: now, changes: { city: "Espoo" } } }),
    linkExternalId: () => ({ method: "POST", path: `/api/v1/persons/${personId}/external-ids`, body: { externalId: "X-1" } }),
    recordInteraction: () => ({ method: "POST", path: `/api/v1/persons/${personId}/interactions`, body: { externalId: `I-${(n += 1)}`, kind: "PURCHASE", occurredAt: now, summary: "Bicycle" } }),
    listPersonConsents: () => ({ method: "GET", path: `/api/v1/persons/${personId}/consents` }),
    recordConsent: () => ({ method: "POST", path: "/api/v1/consents", body: { person: { id: personId }, purposeKey, status: "GRANTED", evidence: { collectedAt: now, method: "web_form" } } }),
    checkConsents: () => ({ method: "POST", path: "/api/v1/consents/check", body: { purposes: [purposeKey], persons: [{ id: personId }] } }),
    acknowledge: () => ({ method: "POST", path: "/api/v1/acknowledgements", body: { eventId, status: "done" } }),
    mintUnsubscribeToken: () => ({ method: "POST", path: "/api/v1/unsubscribe-tokens", body: { personId, purposeKey } }),
    listEvents: () => ({ method: "GET", path: "/api/v1/events" }),
    createImport: () => ({ method: "POST", path: "/api/v1/imports", body: importForm() }),
    getImport: () => ({ method: "GET", path: `/api/v1/imports/${importId}` }),
    listRefusedImportRows: () => ({ method: "GET", path: `/api/v1/imports/${importId}/refused` }),
  };
});
afterAll(async () => t.drop());

const matrix = (Object.keys(apiRoutes) as ApiRouteName[]).flatMap((route) => apiScopes.map((scope) => [route, scope] as const));

describe("API scopes", () => {
  it("has a request for every route", () => {
    expect(Object.keys(requests).sort()).toEqual(Object.keys(apiRoutes).sort());
  });

  it.each(matrix)("%s with only %s", async (route, scope) => {
    const { method, path, body } = requests[route]();
    const response = await api(method, path, { key: keys[scope], body });
    const allowed = (apiRoutes[route].scopes as ApiScope[]).every((s) => s === scope);
    if (allowed) {
      expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
    } else {
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(response.body.missingScopes).toEqual(apiRoutes[route].scopes);
    }
  });

  it("answers 401 without a key, with an unknown key and with a revoked key", async () => {
    const path = `/api/v1/persons/${personId}`;
    expect((await api("GET", path)).status).toBe(401);
    expect((await api("GET", path, { key: "omk_00000000_" + "x".repeat(43) })).status).toBe(401);
    const system = await createSystem();
    const key = await createKey(system.id, ["persons:read"]);
    expect((await api("GET", path, { key })).status).toBe(200);
    const keyRow = await t.database.prisma.apiKey.findFirstOrThrow({ where: { systemId: system.id } });
    expect(keyRow.lastUsedAt).not.toBeNull();
    expect(keyRow.hash).not.toContain(key);
    await revokeApiKey({ actor: systemAdmin, systemId: system.id, keyId: keyRow.id });
    const revoked = await api("GET", path, { key });
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({ status: 401, title: expect.any(String), type: expect.stringContaining("problem-unauthenticated") });
  });

  it("limits the person's fields by scope", async () => {
    const path = `/api/v1/persons/${personId}`;
    const basic = await api("GET", path, { key: keys["persons:read"] });
    expect(basic.body).toMatchObject({ id: personId, email });
    expect(basic.body.details).toBeUndefined();
    const system = await createSystem();
    const both = await api("GET", path, { key: await createKey(system.id, ["persons:read", "persons:read:details"]) });
    expect(both.body.details).toMatchObject({ city: "Espoo" });
  });
});
