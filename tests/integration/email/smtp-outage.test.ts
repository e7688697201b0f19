// An SMTP outage loses no email: emails that follow changes are queued in the change's
// transaction, sealed; while the mail server is unreachable (a closed port, then a server that
// answers 421) the queue's tries fail and back off with the jobs kept; once it is back, every
// email arrives exactly once. An email still queued for a person who is then erased is deleted
// unsent, while the emails an erasure itself sends to the address the person had still go.
import { createServer, type AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { grantConsent } from "@/lib/consents/grant-consent";
import { overrideConfig } from "@/lib/config";
import { EMAIL_JOB_KIND } from "@/lib/email/enqueue-email";
import { approveDataRequest } from "@/lib/requests/approve-data-request";
import { completeErasure } from "@/lib/requests/complete-erasure";
import { createRequestOnBehalf } from "@/lib/requests/create-request-on-behalf";
import { denyDataRequest } from "@/lib/requests/deny-data-request";
import { requestDataExport } from "@/lib/requests/request-data-export";
import { requestErasure } from "@/lib/requests/request-erasure";
import { createPerson } from "../../factories/persons";
import { createPublishedPurpose } from "../../factories/purposes";
import { createOfficer } from "../../factories/requests";
import { runQueue } from "../../support/run-queue";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

const inbox: { to: string; subject: string }[] = [];
let refusing = false;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  // While "refusing", the server is up but answers every connection 421 (service not available).
  onConnect(_session, callback) {
    if (!refusing) return callback();
    return callback(Object.assign(new Error("Service not available, try again later"), { responseCode: 421 }));
  },
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        for (const to of session.envelope.rcptTo) inbox.push({ to: to.address, subject: mail.subject ?? "" });
        callback();
      })
      .catch(callback);
  },
});

/** A port nothing listens on: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let t: TestDatabase;
let purposeKey: string;
let smtpUrl: string;
beforeAll(async () => {
  t = await setupTestDatabase();
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  purposeKey = await createPublishedPurpose({ channel: "EMAIL", requiresDoubleOptIn: true });
});
afterAll(async () => {
  overrideConfig({ SMTP_URL: "" });
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await t.drop();
});

const englishPerson = async (label: string) => {
  const person = await createPerson(t.database.prisma, { email: `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test` });
  return t.database.prisma.person.update({ where: { id: person.id }, data: { preferredLanguage: "en" } });
};
const personActor = (personId: string): Actor => ({ kind: "PERSON", id: `user-${personId}` });
const emailJobs = () => t.database.prisma.job.findMany({ where: { kind: EMAIL_JOB_KIND }, orderBy: { createdAt: "asc" } });

describe("emails while the SMTP server is down", () => {
  it("are kept, retried with backoff, and each arrives exactly once when it is back; an erased person's are deleted unsent", async () => {
    const prisma = t.database.prisma;
    const { actor: officer } = await createOfficer(prisma);
    const reader = await englishPerson("reader");
    const requester = await englishPerson("requester");
    const leaver = await englishPerson("leaver");

    // Down: nothing listens on the configured port.
    overrideConfig({ SMTP_URL: `smtp://127.0.0.1:${await closedPort()}` });

    // An export ready: the build runs in the queue and queues its email.
    await requestDataExport({ actor: personActor(reader.id), personId: reader.id });
    await runQueue(prisma);
    // A consent confirmation.
    await grantConsent({ actor: personActor(reader.id), personId: reader.id, input: { purposeKey, locale: "en" } });
    // A request entered on someone's behalf (its confirmation link), then a decision on it.
    const onBehalf = await createRequestOnBehalf({ actor: officer, input: { email: requester.email, type: "RECTIFICATION", channel: "POST" } });
    await denyDataRequest({ actor: officer, input: { requestId: onBehalf.id, reason: "We could not verify the letter" } });
    // The leaver's confirmation and erasure notice, queued before they are erased.
    await grantConsent({ actor: personActor(leaver.id), personId: leaver.id, input: { purposeKey, locale: "en" } });
    const erasure = await requestErasure({ actor: personActor(leaver.id), personId: leaver.id, signedInAt: new Date() });

    const queued = await emailJobs();
    expect(queued).toHaveLength(6);
    // Sealed while queued: neither the address nor the subject is readable in the row.
    for (const job of queued) {
      const row = JSON.stringify(job);
      for (const secret of [reader.email!, requester.email!, leaver.email!, "@example.test", "Your data file is ready", "Confirm:", "denied"]) expect(row).not.toContain(secret);
    }

    // First pass: the connection is refused; every email waits for its next try.
    const start = new Date();
    await runQueue(prisma, start);
    let jobs = await emailJobs();
    expect(jobs.map((j) => j.status)).toEqual(Array(6).fill("PENDING"));
    for (const job of jobs) {
      expect(job.attempts).toBe(1);
      expect(job.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(job.runAt.getTime()).toBeGreaterThan(start.getTime());
    }
    expect(inbox).toEqual([]);

    // Second try, later: the server is up but answers 421.
    overrideConfig({ SMTP_URL: smtpUrl });
    refusing = true;
    const second = new Date(Math.max(...jobs.map((j) => j.runAt.getTime())) + 1);
    await runQueue(prisma, second);
    jobs = await emailJobs();
    expect(jobs.map((j) => j.status)).toEqual(Array(6).fill("PENDING"));
    for (const job of jobs) {
      expect(job.attempts).toBe(2);
      expect(job.lastError).toMatch(/421/);
      // Backing off: the second wait is longer than the first.
      expect(job.runAt.getTime() - second.getTime()).toBeGreaterThan(15_000);
    }
    expect(inbox).toEqual([]);

    // The leaver is erased meanwhile (an officer approves early): their queued emails go unsent.
    // The erasure's own notices go to the address they had, tied to no person.
    await approveDataRequest({ actor: officer, input: { requestId: erasure.id } });
    expect(await completeErasure({ requestId: erasure.id })).toBe(true);
    expect(await prisma.job.count({ where: { personId: leaver.id } })).toBe(0);
    jobs = await emailJobs();
    expect(jobs).toHaveLength(6);

    // Back: every remaining email arrives, once, with its recipient and subject.
    refusing = false;
    const back = new Date(second.getTime() + 2 * 60 * 60_000);
    await runQueue(prisma, back);
    expect((await emailJobs()).map((j) => j.status)).toEqual(Array(6).fill("SUCCEEDED"));
    const byRecipient = (to: string) => inbox.filter((m) => m.to === to).map((m) => m.subject).sort();
    expect(byRecipient(reader.email!)).toEqual([`Confirm: ${purposeKey} (en) v1`, "Your data file is ready"].sort());
    expect(byRecipient(requester.email!)).toEqual(["Please confirm your request", "Your request was denied"].sort());
    expect(byRecipient(leaver.email!)).toEqual(["Erasure completed", "Your data was erased"].sort());
    expect(inbox).toHaveLength(6);

    // Later passes send nothing again.
    await runQueue(prisma, new Date(back.getTime() + 24 * 60 * 60_000));
    expect(inbox).toHaveLength(6);
  });
});
