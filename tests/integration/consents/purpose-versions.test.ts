import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { confirmConsent } from "@/lib/consents/confirm-consent";
import { createPurpose } from "@/lib/consents/create-purpose";
import { createPurposeVersion } from "@/lib/consents/create-purpose-version";
import { findPersonConsents } from "@/lib/consents/find-person-consents";
import { grantConsent } from "@/lib/consents/grant-consent";
import { publishPurposeVersion } from "@/lib/consents/publish-purpose-version";
import { retirePurpose } from "@/lib/consents/retire-purpose";
import { withdrawConsent } from "@/lib/consents/withdraw-consent";
import { AppError } from "@/lib/errors";
import { createPerson } from "../../factories/persons";
import { adminActor, consentWriteCounts, createPublishedPurpose, purposeTexts, uniquePurposeKey } from "../../factories/purposes";
import { runEmailQueue } from "../../support/run-queue";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const person: Actor = { kind: "PERSON", id: "user-v" };
const code = (promise: Promise<unknown>) => promise.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));
const view = async (personId: string, purposeKey: string) => (await findPersonConsents({ personId, locale: "en" })).find((c) => c.purposeKey === purposeKey);

describe("purpose versions", () => {
  it("a material version makes earlier grants need renewal (not permitted); renewing grants the new version", async () => {
    const purposeKey = await createPublishedPurpose({ channel: "SMS" });
    const subject = await createPerson(t.database.prisma);
    await grantConsent({ actor: person, personId: subject.id, input: { purposeKey } });

    expect(await createPurposeVersion({ actor: adminActor, input: { purposeKey, texts: purposeTexts(purposeKey, 2) } })).toEqual({ purposeKey, version: 2 });
    expect(await view(subject.id, purposeKey)).toMatchObject({ version: 1, permitted: true }); // a draft changes nothing
    expect(await publishPurposeVersion({ actor: adminActor, input: { purposeKey, version: 2, material: false } })).toMatchObject({ renewalFromVersion: 1, needingRenewal: 0 });
    expect(await view(subject.id, purposeKey)).toMatchObject({ version: 2, title: `${purposeKey} (en) v2`, stateVersion: 1, permitted: true, needsRenewal: false });

    await createPurposeVersion({ actor: adminActor, input: { purposeKey, texts: purposeTexts(purposeKey, 3) } });
    const published = await publishPurposeVersion({ actor: adminActor, input: { purposeKey, version: 3, material: true } });
    expect(published).toMatchObject({ version: 3, material: true, renewalFromVersion: 3, needingRenewal: 1 });
    expect(await view(subject.id, purposeKey)).toMatchObject({ status: "GRANTED", stateVersion: 1, permitted: false, needsRenewal: true });
    const event = await t.database.prisma.outboxEvent.findFirstOrThrow({ where: { type: "purpose.version_published", payload: { path: ["data", "version"], equals: 3 } } });
    expect((event.payload as { data: unknown }).data).toEqual({ purposeKey, version: 3, material: true, renewalFromVersion: 3 });

    expect(await code(grantConsent({ actor: person, personId: subject.id, input: { purposeKey, version: 2 } }))).toBe("CONFLICT");
    expect(await grantConsent({ actor: person, personId: subject.id, input: { purposeKey, version: 3 } })).toMatchObject({ status: "GRANTED", changed: true });
    expect(await view(subject.id, purposeKey)).toMatchObject({ stateVersion: 3, permitted: true, needsRenewal: false });
    const events = await t.database.prisma.consentEvent.findMany({ where: { personId: subject.id }, include: { purposeVersion: true }, orderBy: { occurredAt: "asc" } });
    expect(events.map((e) => [e.status, e.purposeVersion.version])).toEqual([["GRANTED", 1], ["GRANTED", 3]]);
    expect(new Set(events.map((e) => e.textHash)).size).toBe(2);
  });

  it("renews a confirmed double opt-in without a new confirmation email", async () => {
    const purposeKey = await createPublishedPurpose({ channel: "EMAIL", requiresDoubleOptIn: true });
    const subject = await createPerson(t.database.prisma);
    await grantConsent({ actor: person, personId: subject.id, input: { purposeKey } });
    await runEmailQueue(t.database.prisma);
    const token = (await t.database.prisma.localEmail.findFirstOrThrow({ where: { to: subject.email! } })).text.match(/token=([A-Za-z0-9_-]+)/)![1]!;
    await confirmConsent({ token });
    await createPurposeVersion({ actor: adminActor, input: { purposeKey, texts: purposeTexts(purposeKey, 2) } });
    await publishPurposeVersion({ actor: adminActor, input: { purposeKey, version: 2, material: true } });
    expect(await view(subject.id, purposeKey)).toMatchObject({ needsRenewal: true, permitted: false });
    expect(await grantConsent({ actor: person, personId: subject.id, input: { purposeKey } })).toMatchObject({ status: "GRANTED", changed: true });
    await runEmailQueue(t.database.prisma);
    expect(await t.database.prisma.localEmail.count({ where: { to: subject.email! } })).toBe(1);
  });

  it("keeps one draft, refuses republishing and non-admins, and writes nothing when refusing", async () => {
    const purposeKey = await createPublishedPurpose();
    expect(await createPurposeVersion({ actor: adminActor, input: { purposeKey, texts: purposeTexts("first draft") } })).toEqual({ purposeKey, version: 2 });
    expect(await createPurposeVersion({ actor: adminActor, input: { purposeKey, texts: purposeTexts("second draft") } })).toEqual({ purposeKey, version: 2 });
    const draft = await t.database.prisma.purposeVersion.findFirstOrThrow({ where: { purpose: { key: purposeKey }, version: 2 } });
    expect((draft.texts as { en: { title: string } }).en.title).toBe("second draft (en) v1");

    const before = await consentWriteCounts(t.database.prisma);
    const support: Actor = { kind: "STAFF", id: "support-user", role: "SUPPORT" };
    const refusals = await Promise.all([
      code(publishPurposeVersion({ actor: adminActor, input: { purposeKey, version: 1, material: false } })),
      code(publishPurposeVersion({ actor: adminActor, input: { purposeKey, version: 9, material: false } })),
      code(publishPurposeVersion({ actor: person, input: { purposeKey, version: 2, material: false } })),
      code(createPurpose({ actor: support, input: { key: uniquePurposeKey(), channel: "SMS", legalBasis: "CONSENT", texts: purposeTexts("x") } })),
      code(createPurpose({ actor: adminActor, input: { key: purposeKey, channel: "SMS", legalBasis: "CONSENT", texts: purposeTexts("x") } })),
      code(createPurpose({ actor: adminActor, input: { key: uniquePurposeKey(), channel: "SMS", legalBasis: "CONSENT", requiresDoubleOptIn: true, texts: purposeTexts("x") } })),
      code(createPurpose({ actor: adminActor, input: { key: uniquePurposeKey(), channel: "SMS", legalBasis: "CONSENT", texts: { fi: { title: "", description: "x" } } } })),
      code(createPurposeVersion({ actor: adminActor, input: { purposeKey: "no-such-purpose", texts: purposeTexts("x") } })),
    ]);
    expect(refusals).toEqual(["CONFLICT", "NOT_FOUND", "FORBIDDEN", "FORBIDDEN", "CONFLICT", "VALIDATION", "VALIDATION", "NOT_FOUND"]);
    expect(await consentWriteCounts(t.database.prisma)).toEqual(before);
  });

  it("an unpublished purpose is invisible and cannot be granted", async () => {
    const key = uniquePurposeKey();
    await createPurpose({ actor: adminActor, input: { key, channel: "POST", legalBasis: "CONSENT", texts: purposeTexts(key) } });
    const subject = await createPerson(t.database.prisma);
    expect(await view(subject.id, key)).toBeUndefined();
    expect(await code(grantConsent({ actor: person, personId: subject.id, input: { purposeKey: key } }))).toBe("NOT_FOUND");
  });

  it("a retired purpose leaves the list, permits nothing, takes no grants, and still lets the person withdraw", async () => {
    const purposeKey = await createPublishedPurpose({ channel: "PHONE" });
    const subject = await createPerson(t.database.prisma);
    await grantConsent({ actor: person, personId: subject.id, input: { purposeKey } });
    expect(await retirePurpose({ actor: adminActor, input: { purposeKey } })).toEqual({ purposeKey, retired: true });
    expect(await retirePurpose({ actor: adminActor, input: { purposeKey } })).toEqual({ purposeKey, retired: false });
    expect(await view(subject.id, purposeKey)).toBeUndefined();
    const other = await createPerson(t.database.prisma);
    expect(await code(grantConsent({ actor: person, personId: other.id, input: { purposeKey } }))).toBe("CONFLICT");
    expect(await withdrawConsent({ actor: person, personId: subject.id, input: { purposeKey } })).toEqual({ purposeKey, changed: true });
    expect(await t.database.prisma.outboxEvent.count({ where: { type: "purpose.retired", payload: { path: ["data", "purposeKey"], equals: purposeKey } } })).toBe(1);
  });

  it("the database refuses to change a consent event", async () => {
    const purposeKey = await createPublishedPurpose();
    const subject = await createPerson(t.database.prisma);
    const { consentEventId } = await grantConsent({ actor: person, personId: subject.id, input: { purposeKey } });
    await expect(t.database.prisma.consentEvent.update({ where: { id: consentEventId! }, data: { status: "WITHDRAWN" } })).rejects.toThrow(/append-only/);
  });
});
