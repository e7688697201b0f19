// "Delete my data": a cooling-off period that the person can cancel, then one transaction that
// leaves nothing of them in any table, a suppression that keeps imports from re-adding them, and
// completion only once every system that must acknowledge has done so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { sequenceAuditLog } from "../../support/sequence-audit-log";
import { createUserForEmail } from "@/lib/auth/create-user-for-email";
import { findPersonConsents } from "@/lib/consents/find-person-consents";
import { grantConsent } from "@/lib/consents/grant-consent";
import { AppError } from "@/lib/errors";
import { getProfile } from "@/lib/persons/get-profile";
import { fanOutEvents } from "@/lib/propagation/fan-out-events";
import { recordAcknowledgement } from "@/lib/propagation/record-acknowledgement";
import { cancelDataRequest } from "@/lib/requests/cancel-data-request";
import { completeErasure } from "@/lib/requests/complete-erasure";
import { findPersonRequests } from "@/lib/requests/find-person-requests";
import { requestErasure } from "@/lib/requests/request-erasure";
import { createPerson } from "../../factories/persons";
import { createPublishedPurpose } from "../../factories/purposes";
import { createFullPerson } from "../../factories/requests";
import { runQueue } from "../../support/run-queue";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const DAY = 24 * 60 * 60 * 1000;
const at = (base: Date, days: number) => new Date(base.getTime() + days * DAY);

/** Every row of every table, as text, except the local outbox (the SMTP stand-in, checked apart). */
async function everyRowAsText() {
  const prisma = t.database.prisma;
  const tables = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
  const texts: string[] = [];
  for (const { table_name } of tables) {
    if (table_name === "LocalEmail") continue;
    const rows = await prisma.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
    texts.push(...rows.map((r) => `${table_name}: ${r.row}`));
  }
  return texts.join("\n");
}

describe("erasure", () => {
  it("needs a sign-in from the last 15 minutes", async () => {
    const prisma = t.database.prisma;
    const person = await createPerson(prisma);
    const now = new Date();
    const error = await requestErasure({ actor: { kind: "PERSON", id: "u" }, personId: person.id, signedInAt: new Date(now.getTime() - 16 * 60_000) }, { now }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("REAUTH_REQUIRED");
    expect(await prisma.dataRequest.count({ where: { personId: person.id } })).toBe(0);
  });

  it("cancelled in the cooling-off period erases nothing; asked again, runs after it, leaves nothing behind, and completes once the system acknowledges", async () => {
    const prisma = t.database.prisma;
    const marketing = await createPublishedPurpose();
    const legit = await createPublishedPurpose({ legalBasis: "LEGITIMATE_INTEREST", channel: "NONE" });
    const crm = await prisma.connectedSystem.create({
      data: { key: `crm-${Date.now()}`, name: "CRM", kind: "CRM", webhookUrl: "https://crm.example.test/hooks", eventTypes: ["person.erased", "person.erasure_requested"], requiresErasureAck: true },
    });
    const p = await createFullPerson(prisma, marketing, "erase");
    const other = await createFullPerson(prisma, marketing, "keep");
    // A passkey of the person's: its name and credential go with them.
    await prisma.passkey.create({ data: { userId: p.user.id, credentialId: `cred${p.tag}`, publicKey: Buffer.from("key"), name: `Phone ${p.tag}`, transports: ["internal"] } });
    const t0 = new Date();

    // Asked, then cancelled within the period: nothing is erased, even after it would have run.
    const first = await requestErasure({ actor: p.actor, personId: p.person.id, signedInAt: t0 }, { now: t0 });
    expect(first.scheduledFor!.getTime() - t0.getTime()).toBe(14 * DAY);
    expect(await prisma.outboxEvent.count({ where: { personId: p.person.id, type: "person.erasure_requested" } })).toBe(1);
    await runQueue(prisma, t0);
    expect(await prisma.localEmail.count({ where: { to: p.email, subject: { startsWith: "Your data will be erased on" } } })).toBe(1);
    await cancelDataRequest({ actor: p.actor, personId: p.person.id, requestId: first.id }, { now: at(t0, 3) });
    // Its queued step runs when due and does nothing: the request was cancelled.
    await runQueue(prisma, at(t0, 30));
    expect(await prisma.job.count({ where: { kind: "erasure.execute", status: "SUCCEEDED" } })).toBe(1);
    expect(await prisma.person.findUniqueOrThrow({ where: { id: p.person.id } })).toMatchObject({ email: p.email, erasedAt: null });

    // Asked again: not yet in the period, then run once it has passed.
    const t1 = at(t0, 4);
    const second = await requestErasure({ actor: p.actor, personId: p.person.id, signedInAt: t1 }, { now: t1 });
    const again = await requestErasure({ actor: p.actor, personId: p.person.id, signedInAt: t1 }, { now: t1 }).catch((e) => e);
    expect(again.options.userMessage).toBe("erasureAlreadyRequested");
    await runQueue(prisma, at(t1, 13));
    expect((await prisma.person.findUniqueOrThrow({ where: { id: p.person.id } })).erasedAt).toBeNull();
    const t2 = at(t1, 14.01);
    const outboxBefore = new Set((await prisma.outboxEvent.findMany({ select: { id: true } })).map((e) => e.id));
    await runQueue(prisma, t2);
    expect(await prisma.job.count({ where: { kind: "erasure.execute", status: "SUCCEEDED" } })).toBe(2);

    // Gone from every table: no value of the person is anywhere (the other person's still is).
    const all = await everyRowAsText();
    // The external id stays in exactly one place: the person.erased event, for receivers to find the record.
    const crmId = `CRM${p.tag}`;
    expect(all.split("\n").filter((row) => row.includes(crmId))).toEqual([expect.stringMatching(/^OutboxEvent: .*"type":"person.erased"/)]);
    for (const secret of p.secrets.filter((s) => s !== crmId)) expect(all).not.toContain(secret);
    for (const secret of other.secrets) expect(all).toContain(secret);
    // The local outbox holds only what was sent after the erasure: the "your data was erased" notice.
    expect(await prisma.localEmail.findMany({ where: { to: p.email }, select: { subject: true } })).toEqual([{ subject: "Your data was erased" }]);

    expect(await prisma.person.findUniqueOrThrow({ where: { id: p.person.id } })).toMatchObject({ email: null, givenName: null, phone: null, erasedAt: t2 });
    expect(await prisma.user.count({ where: { id: p.user.id } })).toBe(0);
    expect(await prisma.session.count({ where: { userId: p.user.id } })).toBe(0);
    expect(await prisma.passkey.count({ where: { userId: p.user.id } })).toBe(0);
    expect(all).not.toContain(`cred${p.tag}`);
    expect(all).not.toContain(`Phone ${p.tag}`);
    const erasedAudit = await prisma.auditEntry.findFirstOrThrow({ where: { personId: p.person.id, action: "person.erased" } });
    expect(erasedAudit.details).toMatchObject({ deleted: { passkeys: 1 } });
    expect(await prisma.suppression.count()).toBe(1);

    // The event carries identifiers only.
    const erased = await prisma.outboxEvent.findFirstOrThrow({ where: { personId: p.person.id, type: "person.erased" } });
    expect(outboxBefore.has(erased.id)).toBe(false);
    expect(erased.payload).toMatchObject({ personId: p.person.id, externalIds: { crm: [`CRM${p.tag}`] }, data: { requestId: second.id, erasedAt: t2.toISOString() } });
    const payloadText = JSON.stringify(erased.payload);
    for (const secret of p.secrets.filter((s) => s !== `CRM${p.tag}`)) expect(payloadText).not.toContain(secret);

    // A new sign-in with the same address starts an empty person.
    const newUser = await createUserForEmail({ email: p.email, emailVerified: new Date() }, []);
    expect(newUser.personId).not.toBe(p.person.id);
    const fresh = await getProfile(newUser.personId!);
    expect(fresh!.fields).toMatchObject({ email: p.email, givenName: null, phone: null, city: null });
    expect(fresh!.organisations).toEqual([]);
    expect((await findPersonConsents({ personId: newUser.personId!, locale: "en" })).find((c) => c.purposeKey === marketing)).toMatchObject({ status: "NOT_SET" });

    // An import or the API cannot re-add the suppressed address with marketing consent; the
    // person's own choice in the portal is a fresh start.
    for (const source of ["IMPORT", "API"] as const) {
      const refused = await grantConsent({ actor: { kind: "SYSTEM", id: crm.id }, personId: newUser.personId!, input: { purposeKey: marketing, source } }).catch((e) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect(refused.options.userMessage).toBe("suppressed");
    }
    expect(await prisma.consentEvent.count({ where: { personId: newUser.personId! } })).toBe(0);
    const imported = await createPerson(prisma, { email: null });
    expect((await grantConsent({ actor: { kind: "SYSTEM", id: crm.id }, personId: imported.id, input: { purposeKey: legit, source: "IMPORT" } })).changed).toBe(false);

    // Waits for the system that must acknowledge, then completes and sends the final email.
    await fanOutEvents(prisma, t2);
    await runQueue(prisma, at(t2, 1));
    expect((await prisma.dataRequest.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("AWAITING_SYSTEMS");
    expect(await completeErasure({ requestId: second.id }, { now: at(t2, 1) })).toBe(false);
    // The acknowledgement completes the erasure itself; the worker's next pass sends the final email.
    await recordAcknowledgement({ actor: { kind: "SYSTEM", id: crm.id }, systemId: crm.id, input: { eventId: erased.id, status: "done" } }, { now: at(t2, 1.5) });
    expect((await prisma.dataRequest.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("COMPLETED");
    await runQueue(prisma, at(t2, 2));
    const done = await prisma.dataRequest.findUniqueOrThrow({ where: { id: second.id } });
    expect(done).toMatchObject({ status: "COMPLETED", sealedNotifyEmail: null });
    expect(await prisma.localEmail.count({ where: { to: p.email, subject: "Erasure completed" } })).toBe(1);
    // Queued once, with the completion: later passes send nothing more.
    await runQueue(prisma, at(t2, 3));
    expect(await prisma.localEmail.count({ where: { to: p.email, subject: "Erasure completed" } })).toBe(1);
    const steps = (await findPersonRequests(p.person.id)).find((r) => r.id === second.id)!.steps.map((s) => s.kind);
    expect(steps).toEqual(["received", "erased", "completed"]);

    await sequenceAuditLog(prisma);
    expect(await verifyAuditChain(prisma)).toMatchObject({ intact: true });
  });
});
