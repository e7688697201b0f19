// The other rights from the portal — rectification, restriction, objection — and "My requests":
// each bound to the signed-in person, with its status, due date and timeline.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPersonConsents } from "@/lib/consents/find-person-consents";
import { grantConsent } from "@/lib/consents/grant-consent";
import { checkConsents } from "@/lib/integration/check-consents";
import { approveDataRequest } from "@/lib/requests/approve-data-request";
import { cancelDataRequest } from "@/lib/requests/cancel-data-request";
import { findPersonRequests } from "@/lib/requests/find-person-requests";
import { liftRestriction } from "@/lib/requests/lift-restriction";
import { requestErasure } from "@/lib/requests/request-erasure";
import { requestObjection } from "@/lib/requests/request-objection";
import { requestRectification } from "@/lib/requests/request-rectification";
import { requestRestriction } from "@/lib/requests/request-restriction";
import { createPublishedPurpose } from "../../factories/purposes";
import { createFullPerson, createOfficer } from "../../factories/requests";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("other rights from the portal", () => {
  it("rectification in the person's words, about their own organisation only; another person's request cannot be cancelled", async () => {
    const prisma = t.database.prisma;
    const purposeKey = await createPublishedPurpose();
    const a = await createFullPerson(prisma, purposeKey, "rect");
    const b = await createFullPerson(prisma, purposeKey, "other");
    const refused = await requestRectification({ actor: a.actor, personId: a.person.id, input: { description: "Wrong VAT number", organizationId: b.org.id } }).catch((e) => e);
    expect(refused.code).toBe("NOT_FOUND");
    expect((await requestRectification({ actor: a.actor, personId: a.person.id, input: { description: "x" } }).catch((e) => e)).options.fields).toEqual({ description: "descriptionTooShort" });
    const request = await requestRectification({ actor: a.actor, personId: a.person.id, input: { description: "Wrong VAT number", organizationId: a.org.id } });
    expect(request).toMatchObject({ type: "RECTIFICATION", status: "RECEIVED" });
    expect((await cancelDataRequest({ actor: b.actor, personId: b.person.id, requestId: request.id }).catch((e) => e)).code).toBe("NOT_FOUND");
    const mine = await findPersonRequests(a.person.id);
    expect(mine).toEqual([expect.objectContaining({ id: request.id, status: "RECEIVED", cancellable: true, description: "Wrong VAT number" })]);
    expect(await findPersonRequests(b.person.id)).toEqual([]);
  });

  it("restriction freezes the person at once: nothing is permitted, systems are told; an officer can lift it", async () => {
    const prisma = t.database.prisma;
    const purposeKey = await createPublishedPurpose();
    const p = await createFullPerson(prisma, purposeKey, "restrict");
    expect((await findPersonConsents({ personId: p.person.id, locale: "en" })).find((c) => c.purposeKey === purposeKey)).toMatchObject({ permitted: true });
    const request = await requestRestriction({ actor: p.actor, personId: p.person.id, input: { description: "My address is disputed" } });
    expect(request.status).toBe("IN_PROGRESS");
    expect((await findPersonConsents({ personId: p.person.id, locale: "en" })).find((c) => c.purposeKey === purposeKey)).toMatchObject({ status: "GRANTED", permitted: false });
    // The integration API's consent check answers the same.
    const checked = await checkConsents({ systemKey: "crm", purposes: [purposeKey], persons: [{ id: p.person.id }] });
    expect(checked.results[0]!.permitted).toEqual({ [purposeKey]: false });
    const event = await prisma.outboxEvent.findFirstOrThrow({ where: { personId: p.person.id, type: "person.restricted" } });
    expect(event.payload).toMatchObject({ data: { requestId: request.id } });
    expect(JSON.stringify(event.payload)).not.toContain("disputed");

    // An officer lifts it, telling the person why: purposes count again, systems are told.
    const { actor: officer } = await createOfficer(prisma);
    await liftRestriction({ actor: officer, input: { requestId: request.id, reason: "Your address was verified as correct." } });
    expect((await findPersonConsents({ personId: p.person.id, locale: "en" })).find((c) => c.purposeKey === purposeKey)).toMatchObject({ permitted: true });
    expect(await prisma.outboxEvent.count({ where: { personId: p.person.id, type: "person.restriction_lifted" } })).toBe(1);
    expect((await checkConsents({ systemKey: "crm", purposes: [purposeKey], persons: [{ id: p.person.id }] })).results[0]!.permitted).toEqual({ [purposeKey]: true });
    expect((await findPersonRequests(p.person.id))[0]!.steps.at(-1)).toMatchObject({ kind: "restriction_lifted", note: "Your address was verified as correct." });
    expect((await liftRestriction({ actor: officer, input: { requestId: request.id, reason: "Once more, please." } }).catch((e) => e)).code).toBe("CONFLICT");
  });

  it("objection to profiling and legitimate interest stops it at once; consent purposes are not objectable", async () => {
    const prisma = t.database.prisma;
    const marketing = await createPublishedPurpose();
    const profiling = await createPublishedPurpose({ channel: "NONE" });
    const legit = await createPublishedPurpose({ legalBasis: "LEGITIMATE_INTEREST", channel: "POST" });
    const p = await createFullPerson(prisma, marketing, "object");
    await grantConsent({ actor: p.actor, personId: p.person.id, input: { purposeKey: profiling } });
    expect((await requestObjection({ actor: p.actor, personId: p.person.id, input: { purposeKeys: [marketing] } }).catch((e) => e)).options.fields).toEqual({ purposeKeys: "choosePurpose" });
    const request = await requestObjection({ actor: p.actor, personId: p.person.id, input: { purposeKeys: [profiling, legit], description: "No profiling, please" } });
    expect(request.status).toBe("IN_PROGRESS");
    const consents = await findPersonConsents({ personId: p.person.id, locale: "en" });
    expect(consents.find((c) => c.purposeKey === profiling)).toMatchObject({ status: "WITHDRAWN", permitted: false });
    expect(consents.find((c) => c.purposeKey === legit)).toMatchObject({ status: "WITHDRAWN", permitted: false });
    expect(consents.find((c) => c.purposeKey === marketing)).toMatchObject({ permitted: true });
    expect(await prisma.outboxEvent.count({ where: { personId: p.person.id, type: "consent.updated", payload: { path: ["data", "requestId"], equals: request.id } } })).toBe(2);
  });

  it("an officer may approve an erasure before the cooling-off period ends: it runs at once", async () => {
    const prisma = t.database.prisma;
    const purposeKey = await createPublishedPurpose();
    const p = await createFullPerson(prisma, purposeKey, "early");
    const { actor } = await createOfficer(prisma);
    const request = await requestErasure({ actor: p.actor, personId: p.person.id, signedInAt: new Date() });
    expect(await approveDataRequest({ actor, input: { requestId: request.id } })).toMatchObject({ status: "AWAITING_SYSTEMS" });
    expect(await prisma.person.findUniqueOrThrow({ where: { id: p.person.id } })).toMatchObject({ email: null, erasedAt: expect.any(Date) });
    expect((await cancelDataRequest({ actor: p.actor, personId: p.person.id, requestId: request.id }).catch((e) => e)).code).toBe("CONFLICT");
  });
});
