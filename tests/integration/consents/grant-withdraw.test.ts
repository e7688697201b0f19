import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { sequenceAuditLog } from "../../support/sequence-audit-log";
import { findConsentTimeline } from "@/lib/consents/find-consent-timeline";
import { findPersonConsents } from "@/lib/consents/find-person-consents";
import { grantConsent } from "@/lib/consents/grant-consent";
import { withdrawAllMarketing } from "@/lib/consents/withdraw-all-marketing";
import { withdrawConsent } from "@/lib/consents/withdraw-consent";
import { AppError } from "@/lib/errors";
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

const actor: Actor = { kind: "PERSON", id: "user-1", ipHash: "iphash-1" };

describe("grant and withdraw", () => {
  it("records two events, moves the state, and writes two consent.updated events with growing sequence and two audit entries", async () => {
    const prisma = t.database.prisma;
    const purposeKey = await createPublishedPurpose({ channel: "SMS" });
    const person = await createPerson(prisma, {}, [{ system: "crm", externalId: `CRM-${purposeKey}` }]);

    const granted = await grantConsent({ actor, personId: person.id, input: { purposeKey, locale: "sv", userAgent: "Firefox" } });
    expect(granted).toMatchObject({ purposeKey, status: "GRANTED", changed: true });
    const withdrawn = await withdrawConsent({ actor, personId: person.id, input: { purposeKey } });
    expect(withdrawn).toEqual({ purposeKey, changed: true });

    const events = await prisma.consentEvent.findMany({ where: { personId: person.id }, orderBy: { occurredAt: "asc" } });
    expect(events.map((e) => [e.status, e.source])).toEqual([["GRANTED", "PORTAL"], ["WITHDRAWN", "PORTAL"]]);
    expect(events[0]).toMatchObject({ locale: "sv", userAgent: "Firefox", ipHash: "iphash-1", actorKind: "PERSON", actorId: "user-1" });
    expect(events[0]!.textHash).toMatch(/^[0-9a-f]{64}$/);

    const state = await prisma.consentState.findFirstOrThrow({ where: { personId: person.id } });
    expect(state).toMatchObject({ status: "WITHDRAWN", version: 1, source: "PORTAL", lastEventId: events[1]!.id });

    const outbox = await prisma.outboxEvent.findMany({ where: { personId: person.id }, orderBy: { sequence: "asc" } });
    expect(outbox.map((o) => [o.type, o.sequence])).toEqual([["consent.updated", 1], ["consent.updated", 2]]);
    expect((outbox[0]!.payload as { data: unknown }).data).toEqual({
      purposeKey, status: "GRANTED", version: 1, source: "PORTAL", consentEventId: events[0]!.id, permitted: true,
      // Beside it, the person's whole state after the change.
      person: expect.objectContaining({ id: person.id, sequence: 1 }),
      consents: expect.arrayContaining([expect.objectContaining({ purposeKey, status: "GRANTED", permitted: true, version: 1, stateVersion: 1 })]),
      restricted: false,
      erased: false,
    });
    expect((outbox[1]!.payload as { externalIds: unknown }).externalIds).toEqual({ crm: [`CRM-${purposeKey}`] });

    const audit = await prisma.auditEntry.findMany({ where: { personId: person.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["consent.granted", "consent.withdrawn"]);
    expect(audit[0]!.details).toEqual({ purposeKey, version: 1, status: "GRANTED", source: "PORTAL", consentEventId: events[0]!.id });
    expect(JSON.stringify(audit)).not.toContain(person.email!);
    await sequenceAuditLog(prisma);
    expect((await verifyAuditChain(prisma)).intact).toBe(true);
  });

  it("writes nothing when granting what is granted or withdrawing what is not", async () => {
    const purposeKey = await createPublishedPurpose();
    const person = await createPerson(t.database.prisma);
    expect(await withdrawConsent({ actor, personId: person.id, input: { purposeKey } })).toEqual({ purposeKey, changed: false });
    await grantConsent({ actor, personId: person.id, input: { purposeKey } });
    const before = await consentWriteCounts(t.database.prisma);
    expect(await grantConsent({ actor, personId: person.id, input: { purposeKey } })).toMatchObject({ status: "GRANTED", changed: false, consentEventId: null });
    expect(await consentWriteCounts(t.database.prisma)).toEqual(before);
  });

  it("refuses bad input and writes nothing", async () => {
    const purposeKey = await createPublishedPurpose();
    const person = await createPerson(t.database.prisma);
    const before = await consentWriteCounts(t.database.prisma);
    const refusals = [
      grantConsent({ actor, personId: person.id, input: { purposeKey: "Not A Key!" } }),
      grantConsent({ actor, personId: person.id, input: { purposeKey, source: "GPC" } }),
      grantConsent({ actor, personId: person.id, input: { purposeKey, locale: "de" } }),
      grantConsent({ actor, personId: person.id, input: { purposeKey: "no-such-purpose" } }),
      grantConsent({ actor, personId: "no-such-person", input: { purposeKey } }),
      grantConsent({ actor, personId: person.id, input: { purposeKey, version: 2 } }),
      withdrawConsent({ actor, personId: person.id, input: { purposeKey: 42 } }),
    ];
    const codes = (await Promise.all(refusals.map((p) => p.then(() => "written", (e: unknown) => (e instanceof AppError ? e.code : String(e))))));
    expect(codes).toEqual(["VALIDATION", "VALIDATION", "VALIDATION", "NOT_FOUND", "NOT_FOUND", "CONFLICT", "VALIDATION"]);
    expect(await consentWriteCounts(t.database.prisma)).toEqual(before);
  });

  it("lists purposes with localised text and state, and a paged timeline newest first", async () => {
    const purposeKey = await createPublishedPurpose();
    const person = await createPerson(t.database.prisma);
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 12, minutes));
    await grantConsent({ actor, personId: person.id, input: { purposeKey }, now: at(1) });
    await withdrawConsent({ actor, personId: person.id, input: { purposeKey }, now: at(2) });
    await grantConsent({ actor, personId: person.id, input: { purposeKey }, now: at(3) });

    const listed = (await findPersonConsents({ personId: person.id, locale: "en" })).find((c) => c.purposeKey === purposeKey);
    expect(listed).toMatchObject({ title: `${purposeKey} (en) v1`, version: 1, status: "GRANTED", permitted: true, needsRenewal: false, stateVersion: 1 });
    const other = await createPerson(t.database.prisma);
    expect((await findPersonConsents({ personId: other.id, locale: "fi" })).find((c) => c.purposeKey === purposeKey)).toMatchObject({ status: "NOT_SET", permitted: false });

    const first = await findConsentTimeline({ personId: person.id, locale: "fi", take: 2 });
    expect(first.items.map((i) => [i.status, i.occurredAt.toISOString()])).toEqual([["GRANTED", at(3).toISOString()], ["WITHDRAWN", at(2).toISOString()]]);
    expect(first.items[0]!.title).toBe(`${purposeKey} (fi) v1`);
    const second = await findConsentTimeline({ personId: person.id, locale: "fi", take: 2, cursor: first.nextCursor! });
    expect(second.items.map((i) => i.status)).toEqual(["GRANTED"]);
    expect(second.nextCursor).toBeNull();
    expect((await findConsentTimeline({ personId: other.id })).items).toEqual([]);
  });

  it("treats legitimate interest as permitted until the person objects", async () => {
    const purposeKey = await createPublishedPurpose({ legalBasis: "LEGITIMATE_INTEREST" });
    const person = await createPerson(t.database.prisma);
    const view = async () => (await findPersonConsents({ personId: person.id, locale: "fi" })).find((c) => c.purposeKey === purposeKey);
    expect(await view()).toMatchObject({ status: "NOT_SET", permitted: true, withdrawable: true });
    expect(await grantConsent({ actor, personId: person.id, input: { purposeKey } })).toMatchObject({ changed: false });
    expect(await withdrawConsent({ actor, personId: person.id, input: { purposeKey } })).toMatchObject({ changed: true });
    expect(await view()).toMatchObject({ status: "WITHDRAWN", permitted: false });
    expect(await grantConsent({ actor, personId: person.id, input: { purposeKey } })).toMatchObject({ changed: true });
    expect(await view()).toMatchObject({ status: "GRANTED", permitted: true });
  });
});

describe("withdrawAllMarketing", () => {
  it("withdraws every granted consent-based purpose in one transaction, leaves legitimate interest alone, and repeats as a no-op", async () => {
    const prisma = t.database.prisma;
    const sms = await createPublishedPurpose({ channel: "SMS" });
    const profiling = await createPublishedPurpose({ channel: "NONE" });
    const untouched = await createPublishedPurpose({ channel: "POST" });
    const surveys = await createPublishedPurpose({ legalBasis: "LEGITIMATE_INTEREST" });
    const person = await createPerson(prisma);
    for (const purposeKey of [sms, profiling]) await grantConsent({ actor, personId: person.id, input: { purposeKey } });

    const result = await withdrawAllMarketing({ actor, personId: person.id, input: { locale: "en" } });
    expect(result.withdrawn.sort()).toEqual([sms, profiling].sort());
    const consents = await findPersonConsents({ personId: person.id, locale: "en" });
    const status = (key: string) => consents.find((c) => c.purposeKey === key)?.status;
    expect([status(sms), status(profiling), status(untouched), status(surveys)]).toEqual(["WITHDRAWN", "WITHDRAWN", "NOT_SET", "NOT_SET"]);
    const withdrawals = await prisma.consentEvent.findMany({ where: { personId: person.id, status: "WITHDRAWN" } });
    // One transaction: one clock reading for all of them.
    expect(new Set(withdrawals.map((e) => e.occurredAt.toISOString())).size).toBe(1);
    expect(await prisma.auditEntry.count({ where: { personId: person.id, action: "consent.withdrawn" } })).toBe(2);

    const before = await consentWriteCounts(prisma);
    expect(await withdrawAllMarketing({ actor, personId: person.id })).toEqual({ withdrawn: [] });
    expect(await consentWriteCounts(prisma)).toEqual(before);
  });
});
