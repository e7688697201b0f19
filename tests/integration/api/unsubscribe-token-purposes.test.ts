// An unsubscribe link is minted only for a purpose messages can be sent under: an unknown or
// unpublished purpose is 404 and a retired one 422, problem+json naming purposeKey, no token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overrideConfig } from "@/lib/config";
import { createPurpose } from "@/lib/consents/create-purpose";
import { retirePurpose } from "@/lib/consents/retire-purpose";
import { createPerson } from "../../factories/persons";
import { adminActor, createPublishedPurpose, purposeTexts, uniquePurposeKey } from "../../factories/purposes";
import { createKey, createSystem } from "../../factories/systems";
import { api } from "../../support/api-client";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let key: string;
beforeAll(async () => {
  overrideConfig({ API_RATE_LIMIT_PER_MINUTE: "100000" });
  t = await setupTestDatabase();
  const system = await createSystem();
  key = await createKey(system.id, ["unsubscribe:mint"]);
});
afterAll(async () => t.drop());

const mint = (personId: string, purposeKey: string) => api("POST", "/api/v1/unsubscribe-tokens", { key, body: { personId, purposeKey } });

describe("POST /api/v1/unsubscribe-tokens for a purpose", () => {
  it("mints for a published purpose", async () => {
    const person = await createPerson(t.database.prisma);
    expect((await mint(person.id, await createPublishedPurpose())).status).toBe(201);
  });

  it("refuses a purpose that does not exist with 404 naming purposeKey", async () => {
    const person = await createPerson(t.database.prisma);
    const answer = await mint(person.id, uniquePurposeKey("nothing"));
    expect(answer.status).toBe(404);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    expect(answer.body).toMatchObject({ status: 404, errors: [{ path: "purposeKey", message: "purposeNotFound" }] });
    expect(answer.body.token).toBeUndefined();
  });

  it("refuses a purpose never published with 404", async () => {
    const person = await createPerson(t.database.prisma);
    const draft = uniquePurposeKey("draft");
    await createPurpose({ actor: adminActor, input: { key: draft, channel: "EMAIL", legalBasis: "CONSENT", texts: purposeTexts(draft) } });
    expect(await mint(person.id, draft)).toMatchObject({ status: 404, body: { errors: [{ path: "purposeKey", message: "purposeNotFound" }] } });
  });

  it("refuses a retired purpose with 422 naming purposeKey", async () => {
    const person = await createPerson(t.database.prisma);
    const retired = await createPublishedPurpose();
    await retirePurpose({ actor: adminActor, input: { purposeKey: retired } });
    const answer = await mint(person.id, retired);
    expect(answer).toMatchObject({ status: 422, body: { status: 422, errors: [{ path: "purposeKey", message: "purposeRetired" }] } });
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
  });
});
