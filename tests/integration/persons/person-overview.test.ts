// The portal's home overview and the restriction/erasure banner's state, read from real rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { grantConsent } from "@/lib/consents/grant-consent";
import { withdrawConsent } from "@/lib/consents/withdraw-consent";
import { findPersonLabels } from "@/lib/persons/find-person-labels";
import { getPersonOverview } from "@/lib/persons/get-person-overview";
import { getProcessingState } from "@/lib/persons/get-processing-state";
import { requestErasure } from "@/lib/requests/request-erasure";
import { createPerson, uniqueEmail } from "../../factories/persons";
import { createPublishedPurpose } from "../../factories/purposes";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let purposes: { first: string; second: string; doubleOptIn: string };

beforeAll(async () => {
  t = await setupTestDatabase();
  purposes = {
    first: await createPublishedPurpose(),
    second: await createPublishedPurpose(),
    doubleOptIn: await createPublishedPurpose({ requiresDoubleOptIn: true }),
  };
});
afterAll(async () => t.drop());

/** A signed-up person with a user account, known by two ids in one system and one in another. */
async function person() {
  const prisma = t.database.prisma;
  const email = uniqueEmail("overview");
  const p = await createPerson(prisma, { email }, [
    { system: "crm", externalId: `c1-${email}` },
    { system: "crm", externalId: `c2-${email}` },
    { system: "webshop", externalId: `w-${email}` },
  ]);
  await prisma.person.update({ where: { id: p.id }, data: { familyName: "Virtanen", city: "Oulu" } });
  const user = await prisma.user.create({ data: { email, personId: p.id } });
  return { id: p.id, email, actor: { kind: "PERSON", id: user.id } as Actor };
}

describe("getPersonOverview", () => {
  it("counts the fields held, the distinct systems, the consents by state and the open requests", async () => {
    const { id, email, actor } = await person();
    await grantConsent({ actor, personId: id, input: { purposeKey: purposes.first } });
    await grantConsent({ actor, personId: id, input: { purposeKey: purposes.second } });
    await withdrawConsent({ actor, personId: id, input: { purposeKey: purposes.second } });
    await grantConsent({ actor, personId: id, input: { purposeKey: purposes.doubleOptIn } });
    await requestErasure({ actor, personId: id, signedInAt: new Date() });

    const overview = await getPersonOverview({ personId: id, locale: "en" });
    expect(overview).toMatchObject({ name: "Testi Virtanen", email, fieldCount: 4, systemCount: 2, interactionCount: 0, openRequests: 1 });
    // The default purposes the person never chose count as not chosen.
    expect(overview!.consents).toEqual({ granted: 1, pending: 1, withdrawn: 1, notChosen: expect.any(Number) });
  });

  it("is null for an id that is no person", async () => {
    expect(await getPersonOverview({ personId: "00000000-0000-7000-8000-000000000000", locale: "fi" })).toBeNull();
  });
});

describe("getProcessingState", () => {
  it("says nothing for a person neither restricted nor being erased", async () => {
    const { id } = await person();
    expect(await getProcessingState(id)).toEqual({ restrictedAt: null, erasure: null });
  });

  it("gives the scheduled erasure's date and that it can still be cancelled, and the restriction's date", async () => {
    const { id, actor } = await person();
    const request = await requestErasure({ actor, personId: id, signedInAt: new Date() });
    const restrictedAt = new Date("2026-11-20T10:00:00Z");
    await t.database.prisma.person.update({ where: { id }, data: { restrictedAt } });

    const state = await getProcessingState(id);
    expect(state.restrictedAt).toEqual(restrictedAt);
    expect(state.erasure).toEqual({ requestId: request.id, scheduledFor: request.scheduledFor, cancellable: true });

    await t.database.prisma.dataRequest.update({ where: { id: request.id }, data: { status: "AWAITING_SYSTEMS" } });
    expect((await getProcessingState(id)).erasure?.cancellable).toBe(false);
    await t.database.prisma.dataRequest.update({ where: { id: request.id }, data: { status: "CANCELLED" } });
    expect((await getProcessingState(id)).erasure).toBeNull();
  });
});

describe("findPersonLabels", () => {
  it("names a living person, falls back to the email, says erased, and knows no unknown id", async () => {
    const prisma = t.database.prisma;
    const named = await createPerson(prisma, { givenName: "Aino" });
    await prisma.person.update({ where: { id: named.id }, data: { familyName: "Aalto" } });
    const unnamed = await prisma.person.create({ data: { email: uniqueEmail("unnamed") } });
    const erased = await createPerson(prisma, { givenName: "Erkki" });
    await prisma.person.update({ where: { id: erased.id }, data: { erasedAt: new Date() } });
    const unknown = "00000000-0000-7000-8000-000000000001";

    const labels = await findPersonLabels([named.id, unnamed.id, erased.id, unknown, named.id]);
    expect(labels.get(named.id)).toEqual({ kind: "named", name: "Aino Aalto" });
    expect(labels.get(unnamed.id)).toEqual({ kind: "unnamed", email: unnamed.email });
    expect(labels.get(erased.id)).toEqual({ kind: "erased" });
    expect(labels.get(unknown)).toEqual({ kind: "unknown" });
    expect(labels.size).toBe(4);
  });
});
