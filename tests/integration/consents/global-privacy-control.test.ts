import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { applyGlobalPrivacyControl } from "@/lib/consents/apply-global-privacy-control";
import { findPersonConsents } from "@/lib/consents/find-person-consents";
import { grantConsent } from "@/lib/consents/grant-consent";
import { createPerson } from "../../factories/persons";
import { consentWriteCounts, createPublishedPurpose } from "../../factories/purposes";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const actor: Actor = { kind: "PERSON", id: "user-gpc", ipHash: "gpc-ip" };
const statuses = async (personId: string, keys: string[]) => {
  const consents = await findPersonConsents({ personId, locale: "en" });
  return keys.map((key) => consents.find((c) => c.purposeKey === key)?.status);
};

describe("applyGlobalPrivacyControl", () => {
  it("writes nothing at all when nothing is granted", async () => {
    await createPublishedPurpose({ channel: "NONE", isSaleOrSharing: true });
    const person = await createPerson(t.database.prisma);
    const before = await consentWriteCounts(t.database.prisma);
    expect(await applyGlobalPrivacyControl({ personId: person.id, actor })).toEqual({ withdrawn: [] });
    expect(await consentWriteCounts(t.database.prisma)).toEqual(before);
  });

  it("withdraws only the granted sale/sharing purpose (source GPC), and only once", async () => {
    const prisma = t.database.prisma;
    const sharing = await createPublishedPurpose({ channel: "NONE", isSaleOrSharing: true });
    const newsletter = await createPublishedPurpose({ channel: "EMAIL" });
    const person = await createPerson(prisma);
    for (const purposeKey of [sharing, newsletter]) await grantConsent({ actor, personId: person.id, input: { purposeKey } });

    const result = await applyGlobalPrivacyControl({ personId: person.id, actor, userAgent: "Browser with GPC" });
    expect(result).toEqual({ withdrawn: [sharing] });
    expect(await statuses(person.id, [sharing, newsletter])).toEqual(["WITHDRAWN", "GRANTED"]);
    const event = await prisma.consentEvent.findFirstOrThrow({ where: { personId: person.id, status: "WITHDRAWN" } });
    expect(event).toMatchObject({ source: "GPC", userAgent: "Browser with GPC", ipHash: "gpc-ip" });
    const outbox = await prisma.outboxEvent.findMany({ where: { personId: person.id }, orderBy: { sequence: "desc" }, take: 1 });
    expect((outbox[0]!.payload as { data: unknown }).data).toMatchObject({ purposeKey: sharing, status: "WITHDRAWN", source: "GPC" });

    // Every later request with the signal: no event, no audit entry, no outbox event.
    const before = await consentWriteCounts(prisma);
    for (let i = 0; i < 3; i += 1) expect(await applyGlobalPrivacyControl({ personId: person.id, actor })).toEqual({ withdrawn: [] });
    expect(await consentWriteCounts(prisma)).toEqual(before);

    // A new grant is a change: the next request with the signal withdraws it again, once.
    await grantConsent({ actor, personId: person.id, input: { purposeKey: sharing } });
    const [a, b] = await Promise.all([applyGlobalPrivacyControl({ personId: person.id, actor }), applyGlobalPrivacyControl({ personId: person.id, actor })]);
    expect([...a.withdrawn, ...b.withdrawn]).toEqual([sharing]);
    expect(await prisma.consentEvent.count({ where: { personId: person.id, source: "GPC" } })).toBe(2);
  });

  it("records an objection to a legitimate-interest sharing purpose the person never acted on", async () => {
    const sharing = await createPublishedPurpose({ channel: "NONE", isSaleOrSharing: true, legalBasis: "LEGITIMATE_INTEREST" });
    const person = await createPerson(t.database.prisma);
    expect((await findPersonConsents({ personId: person.id, locale: "fi" })).find((c) => c.purposeKey === sharing)).toMatchObject({ permitted: true });
    expect(await applyGlobalPrivacyControl({ personId: person.id, actor })).toEqual({ withdrawn: [sharing] });
    expect((await findPersonConsents({ personId: person.id, locale: "fi" })).find((c) => c.purposeKey === sharing)).toMatchObject({ status: "WITHDRAWN", permitted: false });
    expect(await applyGlobalPrivacyControl({ personId: person.id, actor })).toEqual({ withdrawn: [] });
  });
});
