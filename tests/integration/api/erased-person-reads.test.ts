// Reading an erased person through the API answers 410 Gone problem+json, as writes do, and as the
// OpenAPI document declares (callApi checks every answer against it); a merged id of an erased
// survivor too. The consent check keeps answering 200 with "not permitted".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/build-openapi-document";
import { apiScopes } from "@/lib/api-keys/scopes";
import { overrideConfig } from "@/lib/config";
import { createPerson } from "../../factories/persons";
import { createPublishedPurpose } from "../../factories/purposes";
import { createKey, createSystem } from "../../factories/systems";
import { api } from "../../support/api-client";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let key: string;
let purposeKey: string;

beforeAll(async () => {
  overrideConfig({ API_RATE_LIMIT_PER_MINUTE: "100000" });
  t = await setupTestDatabase();
  const system = await createSystem();
  key = await createKey(system.id, [...apiScopes]);
  purposeKey = await createPublishedPurpose({ legalBasis: "LEGITIMATE_INTEREST" });
});
afterAll(async () => t.drop());

/** An erased person as erasure leaves them: a tombstone row with no values. */
async function erasedPerson() {
  const person = await createPerson(t.database.prisma);
  await t.database.prisma.person.update({ where: { id: person.id }, data: { erasedAt: new Date(), email: null, givenName: null } });
  return person;
}

/** Every read of one person by id. */
const reads = [
  { path: (id: string) => `/api/v1/persons/${id}`, template: "/api/v1/persons/{id}" },
  { path: (id: string) => `/api/v1/persons/${id}/consents`, template: "/api/v1/persons/{id}/consents" },
];

function expectGone(answer: Awaited<ReturnType<typeof api>>, where: string) {
  expect(answer.status, where).toBe(410);
  expect(answer.headers.get("content-type"), where).toBe("application/problem+json");
  expect(answer.body, where).toMatchObject({ status: 410, type: expect.stringMatching(/#problem-gone$/), detail: "the person was erased" });
}

describe("reads of an erased person", () => {
  it("answer 410 Gone problem+json, not 200 with empty fields", async () => {
    const person = await erasedPerson();
    for (const read of reads) expectGone(await api("GET", read.path(person.id), { key }), read.template);
  });

  it("answer 410 for the id of a person merged into one who was later erased", async () => {
    const survivor = await erasedPerson();
    const mergedId = "019a0000-0000-7000-8000-000000000001";
    await t.database.prisma.personAlias.create({ data: { aliasId: mergedId, personId: survivor.id, mergedAt: new Date() } });
    for (const read of reads) expectGone(await api("GET", read.path(mergedId), { key }), read.template);
  });

  it("still answer a live person (200) and an unknown id (404)", async () => {
    const live = await createPerson(t.database.prisma);
    for (const read of reads) {
      expect((await api("GET", read.path(live.id), { key })).status, read.template).toBe(200);
      expect((await api("GET", read.path("019a0000-0000-7000-8000-0000000000ff"), { key })).status, read.template).toBe(404);
    }
  });

  it("leave an erased person out of the persons list, as documented, while listing a live one changed at the same time", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const live = await createPerson(t.database.prisma);
    const gone = await erasedPerson();
    const ids: string[] = [];
    for (let cursor: string | null = null, pages = 0; pages === 0 || cursor; pages++) {
      const query: string = `updatedSince=${encodeURIComponent(since)}&limit=200${cursor ? `&cursor=${cursor}` : ""}`;
      const answer = await api("GET", `/api/v1/persons?${query}`, { key });
      expect(answer.status).toBe(200);
      ids.push(...answer.body.items.map((item: { id: string }) => item.id));
      cursor = answer.body.nextCursor;
    }
    expect(ids).toContain(live.id);
    expect(ids).not.toContain(gone.id);
    const document = buildOpenApiDocument("http://localhost") as unknown as { paths: Record<string, { get: { summary: string } }> };
    expect(document.paths["/api/v1/persons"]!.get.summary).toMatch(/erased persons are not listed/);
  });

  it("are declared as 410 in the OpenAPI document", () => {
    const document = buildOpenApiDocument("http://localhost") as unknown as { paths: Record<string, { get: { responses: Record<string, { description: string }> } }> };
    for (const read of reads) expect(document.paths[read.template]!.get.responses["410"]!.description, read.template).toMatch(/erased/);
  });

  it("the consent check keeps answering 200 with not permitted, as documented", async () => {
    const person = await erasedPerson();
    const answer = await api("POST", "/api/v1/consents/check", { key, body: { purposes: [purposeKey], persons: [{ id: person.id }] } });
    expect(answer.status).toBe(200);
    expect(answer.body.results[0]).toMatchObject({ personId: person.id, permitted: { [purposeKey]: false } });
    const document = buildOpenApiDocument("http://localhost") as unknown as { paths: Record<string, { post: { summary: string; responses: Record<string, unknown> } }> };
    expect(document.paths["/api/v1/consents/check"]!.post.summary).toMatch(/erased .*permitted nothing/);
    expect(document.paths["/api/v1/consents/check"]!.post.responses).not.toHaveProperty("410");
  });
});
