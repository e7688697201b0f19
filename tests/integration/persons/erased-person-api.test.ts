// An erased person through the integration API and the import: writes answer 410 Gone as the
// OpenAPI document declares, nothing goes out to the systems, and a consent check answers "not
// permitted" for an erased and for a restricted person, even for a legitimate interest.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiScopes } from "@/lib/api-keys/scopes";
import { buildOpenApiDocument } from "@/lib/api/build-openapi-document";
import { overrideConfig } from "@/lib/config";
import { findPersonConsents } from "@/lib/consents/find-person-consents";
import { applyImportBatch, newImportFileState } from "@/lib/import/apply-import-batch";
import { createPerson } from "../../factories/persons";
import { createPublishedPurpose } from "../../factories/purposes";
import { createKey, createSystem } from "../../factories/systems";
import { api } from "../../support/api-client";
import { rowCounter } from "../../support/row-counter";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let key: string;
let system: Awaited<ReturnType<typeof createSystem>>;
let interestKey: string;
const stamp = Date.now();

beforeAll(async () => {
  overrideConfig({ API_RATE_LIMIT_PER_MINUTE: "100000" });
  t = await setupTestDatabase();
  system = await createSystem();
  key = await createKey(system.id, [...apiScopes]);
  interestKey = await createPublishedPurpose({ legalBasis: "LEGITIMATE_INTEREST" });
});
afterAll(async () => t.drop());

/** A person whose erasure left their external id behind (the worst case the guard must hold). */
async function erasedPerson(label: string) {
  const person = await createPerson(t.database.prisma, {}, [{ system: system.key, externalId: `${label}-${stamp}` }]);
  await t.database.prisma.person.update({ where: { id: person.id }, data: { erasedAt: new Date() } });
  return person;
}

describe("the API refuses writes about an erased person with 410 Gone", () => {
  it("correct, link an id, report an interaction and record a consent: 410 problem+json, nothing written", async () => {
    const person = await erasedPerson("api");
    const counts = await rowCounter(t.database);
    const before = await counts();
    const calls: [string, string, unknown][] = [
      ["PATCH", `/api/v1/persons/${person.id}`, { observedAt: new Date().toISOString(), changes: { city: "Oulu" } }],
      ["POST", `/api/v1/persons/${person.id}/external-ids`, { externalId: `new-${stamp}` }],
      ["POST", `/api/v1/persons/${person.id}/interactions`, { externalId: `order-${stamp}`, kind: "PURCHASE", occurredAt: new Date().toISOString(), summary: "Order" }],
      ["POST", "/api/v1/consents", { person: { id: person.id }, purposeKey: interestKey, status: "WITHDRAWN", evidence: { collectedAt: new Date().toISOString(), method: "web_form" } }],
    ];
    for (const [method, path, body] of calls) {
      const answer = await api(method, path, { key, body });
      expect(answer.status, `${method} ${path}`).toBe(410);
      expect(answer.headers.get("content-type")).toBe("application/problem+json");
      expect(answer.body).toMatchObject({ status: 410, type: expect.stringMatching(/#problem-gone$/) });
    }
    // No audit entry, no outbox event (so no webhook), no row anywhere.
    expect(await counts()).toEqual(before);
  });

  it("the OpenAPI document declares the 410 on every person write route", () => {
    const document = buildOpenApiDocument("http://localhost") as unknown as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    for (const [path, method] of [["/api/v1/persons/{id}", "patch"], ["/api/v1/persons/{id}/external-ids", "post"], ["/api/v1/persons/{id}/interactions", "post"], ["/api/v1/consents", "post"]] as const) {
      expect(document.paths[path]![method]!.responses, `${method} ${path}`).toHaveProperty("410");
    }
  });
});

describe("consent evaluation of an erased or restricted person", () => {
  it("the bulk check says not permitted for erased and restricted persons, even for a legitimate interest", async () => {
    const erased = await erasedPerson("check");
    const restricted = await createPerson(t.database.prisma);
    await t.database.prisma.person.update({ where: { id: restricted.id }, data: { restrictedAt: new Date() } });
    const live = await createPerson(t.database.prisma);
    const answer = await api("POST", "/api/v1/consents/check", {
      key,
      body: { purposes: [interestKey], persons: [{ id: erased.id }, { externalId: `check-${stamp}` }, { id: restricted.id }, { id: live.id }] },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((r: { permitted: Record<string, boolean> }) => r.permitted[interestKey])).toEqual([false, false, false, true]);
  });

  it("the person's consent list evaluates an erased person as permitted nothing", async () => {
    const erased = await erasedPerson("list");
    const consents = await findPersonConsents({ personId: erased.id, locale: "en" });
    expect(consents.find((c) => c.purposeKey === interestKey)).toMatchObject({ permitted: false });
  });
});

describe("an import row matched to an erased person by external id", () => {
  it("is refused (personErased) and changes nothing about the person", async () => {
    const erased = await erasedPerson("import");
    const row = { row: 2, email: null, phone: null, externalId: `import-${stamp}`, profile: { city: "Oulu" }, organisation: null, createdAt: null, consents: {} };
    const job = { id: "job", system: system.key, mapping: { fields: { externalId: "id", city: "city" }, consents: {}, values: {} }, connectedSystemId: null };
    const state = newImportFileState();
    const { problems } = await t.database.prisma.$transaction((tx) =>
      applyImportBatch(tx, { rows: [row], job, actor: { kind: "SYSTEM", id: system.key }, purposes: new Map(), now: new Date(), state }),
    );
    expect(problems).toEqual([{ row: 2, column: "id", reason: "personErased" }]);
    expect(state.counts).toMatchObject({ matched: 0, refused: 1 });
    expect(await t.database.prisma.person.findUniqueOrThrow({ where: { id: erased.id } })).toMatchObject({ city: null });
  });
});
