// The privacy officer's side: requests entered on someone's behalf wait for the person's emailed
// confirmation; approve, deny (with the reason sent), extend (capped), fulfil; the queue and its
// highlights; and the role matrix: a CUSTOMER or a SUPPORT user is refused every officer action.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { findPersonConsents } from "@/lib/consents/find-person-consents";
import { AppError } from "@/lib/errors";
import { fanOutEvents } from "@/lib/propagation/fan-out-events";
import { addRequestNote } from "@/lib/requests/add-request-note";
import { approveDataRequest } from "@/lib/requests/approve-data-request";
import { assignDataRequest } from "@/lib/requests/assign-data-request";
import { confirmDataRequest } from "@/lib/requests/confirm-data-request";
import { createRequestOnBehalf } from "@/lib/requests/create-request-on-behalf";
import { denyDataRequest } from "@/lib/requests/deny-data-request";
import { extendDataRequest } from "@/lib/requests/extend-data-request";
import { findDataRequests } from "@/lib/requests/find-data-requests";
import { findPersonRequests } from "@/lib/requests/find-person-requests";
import { fulfilDataRequest } from "@/lib/requests/fulfil-data-request";
import { getDataRequest } from "@/lib/requests/get-data-request";
import { requestErasure } from "@/lib/requests/request-erasure";
import { sendOfficerDigest } from "@/lib/requests/send-officer-digest";
import { createPerson } from "../../factories/persons";
import { createPublishedPurpose } from "../../factories/purposes";
import { createFullPerson, createOfficer, lastConfirmationToken } from "../../factories/requests";
import { runEmailQueue } from "../../support/run-queue";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const DAY = 24 * 60 * 60 * 1000;
const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));
/** A person who reads English, so the emails can be checked by their English subject. */
const englishPerson = async () => {
  const person = await createPerson(t.database.prisma);
  return t.database.prisma.person.update({ where: { id: person.id }, data: { preferredLanguage: "en" } });
};

describe("officer flow", () => {
  it("on-behalf request: confirmation link, approve, fulfil, with the timeline and the emails", async () => {
    const prisma = t.database.prisma;
    const { actor, user } = await createOfficer(prisma);
    const person = await englishPerson();
    const created = await createRequestOnBehalf({ actor, input: { email: person.email, type: "RECTIFICATION", channel: "POST", description: "My address is wrong", receivedOn: "2026-01-31" } });
    expect(created).toMatchObject({ status: "VERIFYING" });
    expect(created.dueAt.toISOString().slice(0, 10)).toBe("2026-02-28");

    // No work before the person confirms.
    expect(codeOf(await approveDataRequest({ actor, input: { requestId: created.id } }).catch((e) => e))).toBe("CONFLICT");
    const token = await lastConfirmationToken(prisma, person.email!);
    expect(await confirmDataRequest({ token })).toMatchObject({ requestId: created.id, type: "RECTIFICATION" });
    expect(codeOf(await confirmDataRequest({ token }).catch((e) => e))).toBe("NOT_FOUND");

    await assignDataRequest({ actor, input: { requestId: created.id, assigneeId: user.id } });
    await addRequestNote({ actor, input: { requestId: created.id, note: "Checked the letter" } });
    expect(await approveDataRequest({ actor, input: { requestId: created.id } })).toMatchObject({ status: "IN_PROGRESS" });
    expect(await fulfilDataRequest({ actor, input: { requestId: created.id, note: "Corrected the street address." } })).toMatchObject({ status: "COMPLETED" });

    const officerView = await getDataRequest({ actor, requestId: created.id });
    expect(officerView!.steps.map((s) => s.kind)).toEqual(["received", "confirmation_sent", "confirmed", "assigned", "note", "approved", "completed"]);
    // Each staff step names the officer (their email, as they have no name); the person's steps name no one.
    expect(officerView!.steps.map((s) => s.staffName)).toEqual([user.email, user.email, null, user.email, user.email, user.email, user.email]);
    expect(officerView!.assignee).toMatchObject({ id: user.id });
    // The person sees their steps, not the officers' internal ones.
    const mine = (await findPersonRequests(person.id)).find((r) => r.id === created.id)!;
    expect(mine.steps.map((s) => s.kind)).toEqual(["received", "confirmation_sent", "confirmed", "completed"]);
    expect(mine.steps.at(-1)!.note).toBe("Corrected the street address.");
    await runEmailQueue(prisma);
    expect(await prisma.localEmail.count({ where: { to: person.email!, subject: "Your request is completed" } })).toBe(1);
    expect(await prisma.auditEntry.findMany({ where: { target: `DataRequest:${created.id}` }, orderBy: { id: "asc" }, select: { action: true } })).toEqual(
      ["request.received", "request.confirmed", "request.assigned", "request.noted", "request.approved", "request.status_changed", "request.fulfilled"].map((action) => ({ action })),
    );
  });

  it("a link expires after seven days, and stale unconfirmed requests are hidden from the queue by default", async () => {
    const prisma = t.database.prisma;
    const { actor } = await createOfficer(prisma);
    const person = await createPerson(prisma);
    const start = new Date("2030-03-01T10:00:00Z");
    const created = await createRequestOnBehalf({ actor, input: { email: person.email, type: "ACCESS", channel: "EMAIL" } }, { now: start });
    const token = await lastConfirmationToken(prisma, person.email!, start);
    const ids = async (now: Date, showStale = false) => (await findDataRequests({ actor, filter: { showStale }, now })).items.map((i) => i.id);
    expect(await ids(new Date(start.getTime() + 6 * DAY))).toContain(created.id);
    expect(await ids(new Date(start.getTime() + 8 * DAY))).not.toContain(created.id);
    expect(await ids(new Date(start.getTime() + 8 * DAY), true)).toContain(created.id);
    expect(codeOf(await confirmDataRequest({ token }, { now: new Date(start.getTime() + 8 * DAY) }).catch((e) => e))).toBe("GONE");
  });

  it("denies with a reason sent to the person; an erasure denied for an open contract restricts processing instead", async () => {
    const prisma = t.database.prisma;
    const { actor } = await createOfficer(prisma, "ADMIN");
    const purposeKey = await createPublishedPurpose({ legalBasis: "LEGITIMATE_INTEREST", channel: "NONE" });
    const p = await createFullPerson(prisma, purposeKey, "deny");
    const system = await prisma.connectedSystem.create({
      data: { key: `shop-${Date.now()}`, name: "Web shop", kind: "WEB_SHOP", webhookUrl: "https://shop.example.test/hooks", eventTypes: ["person.restricted", "person.erasure_requested"] },
    });
    const request = await requestErasure({ actor: p.actor, personId: p.person.id, signedInAt: new Date() });
    expect(codeOf(await denyDataRequest({ actor, input: { requestId: request.id, reason: "" } }).catch((e) => e))).toBe("VALIDATION");
    await denyDataRequest({ actor, input: { requestId: request.id, reason: "Your subscription contract SUB-7731 runs until next year (Art. 17(3)(b)).", restrictInstead: true } });

    expect(await prisma.dataRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "DENIED", decisionReason: expect.stringContaining("SUB-7731") });
    await runEmailQueue(prisma);
    const mail = await prisma.localEmail.findFirstOrThrow({ where: { to: p.email, subject: "Your request was denied" } });
    expect(mail.text).toContain("Your subscription contract SUB-7731 runs until next year");
    expect((await prisma.person.findUniqueOrThrow({ where: { id: p.person.id } })).restrictedAt).not.toBeNull();
    expect(await prisma.outboxEvent.count({ where: { personId: p.person.id, type: "person.restricted" } })).toBe(1);
    // A restricted person is permitted nothing, legitimate interest included.
    expect((await findPersonConsents({ personId: p.person.id, locale: "en" })).find((c) => c.purposeKey === purposeKey)).toMatchObject({ permitted: false });
    // The reason never enters the audit trail.
    expect(JSON.stringify(await prisma.auditEntry.findMany({ where: { personId: p.person.id } }))).not.toContain("SUB-7731");

    // Per connected system, what the request sent and what became of it.
    await fanOutEvents(prisma, new Date());
    const view = await getDataRequest({ actor, requestId: request.id });
    expect(view!.propagation.deliveries.map((d) => [d.system.id, d.eventType, d.status]).sort()).toEqual([
      [system.id, "person.erasure_requested", "PENDING"],
      [system.id, "person.restricted", "PENDING"],
    ]);
  });

  it("extends to at most three months in all, telling the person why", async () => {
    const prisma = t.database.prisma;
    const { actor } = await createOfficer(prisma);
    const person = await englishPerson();
    const created = await createRequestOnBehalf({ actor, input: { email: person.email, type: "RECTIFICATION", channel: "STAFF", receivedOn: "2026-01-31" } });
    const first = await extendDataRequest({ actor, input: { requestId: created.id, months: 1, reason: "Several systems hold the data." } });
    expect(first.extendedDueAt.toISOString().slice(0, 10)).toBe("2026-03-31");
    const tooLong = await extendDataRequest({ actor, input: { requestId: created.id, months: 2, reason: "More systems than we thought." } }).catch((e) => e);
    expect(tooLong.options.fields).toEqual({ months: "extensionTooLong" });
    const second = await extendDataRequest({ actor, input: { requestId: created.id, months: 1, reason: "More systems than we thought." } });
    expect(second.extendedDueAt.toISOString().slice(0, 10)).toBe("2026-04-30");
    expect(codeOf(await extendDataRequest({ actor, input: { requestId: created.id, months: 1, reason: "And again, please." } }).catch((e) => e))).toBe("VALIDATION");
    // One email per extension, each with its reason (sent side by side, so in no set order).
    await runEmailQueue(prisma);
    const mails = await prisma.localEmail.findMany({ where: { to: person.email!, subject: "We need more time for your request" } });
    expect(mails).toHaveLength(2);
    expect(mails.filter((m) => m.text.includes("More systems than we thought."))).toHaveLength(1);
    expect(mails.filter((m) => m.text.includes("Several systems hold the data."))).toHaveLength(1);
  });

  it("lists overdue requests from the day after the due day, and marks those due within seven days", async () => {
    const prisma = t.database.prisma;
    const { actor } = await createOfficer(prisma);
    const person = await createPerson(prisma);
    const created = await createRequestOnBehalf({ actor, input: { email: person.email, type: "OBJECTION", channel: "STAFF", receivedOn: "2031-01-31" } }, { now: new Date("2031-02-01T09:00:00Z") });
    const item = async (iso: string, due: "any" | "overdue" | "week" = "any") =>
      (await findDataRequests({ actor, filter: { due, showStale: true }, now: new Date(iso) })).items.find((i) => i.id === created.id);
    expect((await item("2031-02-20T12:00:00Z"))!.urgency).toBe("normal");
    expect((await item("2031-02-21T12:00:00Z"))!.urgency).toBe("soon");
    // The due day is 28 February in Helsinki (TIME_ZONE), which ends at 22:00 UTC.
    expect((await item("2031-02-28T21:59:59Z"))!.urgency).toBe("soon");
    expect(await item("2031-02-28T21:59:59Z", "overdue")).toBeUndefined();
    expect((await item("2031-02-28T22:00:00Z"))!.urgency).toBe("overdue");
    expect(await item("2031-02-28T22:00:00Z", "overdue")).toBeDefined();
    expect(await item("2031-02-20T12:00:00Z", "week")).toBeUndefined();
    expect(await item("2031-02-22T12:00:00Z", "week")).toBeDefined();
  });

  it("emails officers once a day about requests due within three days", async () => {
    const prisma = t.database.prisma;
    const { user } = await createOfficer(prisma);
    const { actor } = await createOfficer(prisma);
    const person = await createPerson(prisma);
    await createRequestOnBehalf({ actor, input: { email: person.email, type: "ACCESS", channel: "STAFF", receivedOn: "2032-05-01" } }, { now: new Date("2032-05-02T08:00:00Z") });
    expect(await sendOfficerDigest(prisma, new Date("2032-05-30T04:00:00Z"))).toBe(0);
    const sent = await Promise.all([sendOfficerDigest(prisma, new Date("2032-05-30T06:00:00Z")), sendOfficerDigest(prisma, new Date("2032-05-30T06:00:01Z"))]);
    expect(sent.filter((n) => n > 0)).toHaveLength(1);
    expect(await sendOfficerDigest(prisma, new Date("2032-05-30T18:00:00Z"))).toBe(0);
    await runEmailQueue(prisma, new Date("2032-05-30T18:00:00Z"));
    expect(await prisma.localEmail.count({ where: { to: user.email } })).toBe(1);
    const mail = await prisma.localEmail.findFirstOrThrow({ where: { to: user.email }, orderBy: { createdAt: "desc" } });
    expect(mail.subject).toMatch(/3 päivän sisällä|within 3 days/);
    expect(await sendOfficerDigest(prisma, new Date("2032-05-31T06:00:00Z"))).toBeGreaterThan(0);
  });
});

describe("role matrix", () => {
  it("refuses every officer action to a CUSTOMER and a SUPPORT user, and writes nothing", async () => {
    const prisma = t.database.prisma;
    const { actor: officer, user } = await createOfficer(prisma);
    const person = await createPerson(prisma);
    const created = await createRequestOnBehalf({ actor: officer, input: { email: person.email, type: "RECTIFICATION", channel: "STAFF" } });
    const support = (await createOfficer(prisma, "SUPPORT")).actor;
    const customer: Actor = { kind: "PERSON", id: "customer-user", role: "CUSTOMER" };
    const customerAsStaff: Actor = { kind: "STAFF", id: "customer-user", role: "CUSTOMER" };
    const requestId = created.id;
    const before = { audit: await prisma.auditEntry.count(), steps: await prisma.dataRequestStep.count(), requests: await prisma.dataRequest.count() };
    for (const actor of [support, customer, customerAsStaff]) {
      const attempts: (() => Promise<unknown>)[] = [
        () => createRequestOnBehalf({ actor, input: { email: person.email, type: "ERASURE", channel: "STAFF" } }),
        () => approveDataRequest({ actor, input: { requestId } }),
        () => denyDataRequest({ actor, input: { requestId, reason: "Because I say so." } }),
        () => extendDataRequest({ actor, input: { requestId, months: 1, reason: "Because I say so." } }),
        () => fulfilDataRequest({ actor, input: { requestId } }),
        () => assignDataRequest({ actor, input: { requestId, assigneeId: user.id } }),
        () => addRequestNote({ actor, input: { requestId, note: "hello" } }),
        () => findDataRequests({ actor }),
        () => getDataRequest({ actor, requestId }),
      ];
      for (const attempt of attempts) expect(codeOf(await Promise.resolve().then(attempt).catch((e) => e))).toBe("FORBIDDEN");
    }
    expect({ audit: await prisma.auditEntry.count(), steps: await prisma.dataRequestStep.count(), requests: await prisma.dataRequest.count() }).toEqual(before);
  });
});
