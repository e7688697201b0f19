// Double opt-in through a real SMTP server in this process: the link is read from the email.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { confirmConsent } from "@/lib/consents/confirm-consent";
import { findPersonConsents } from "@/lib/consents/find-person-consents";
import { getConsentConfirmation } from "@/lib/consents/get-consent-confirmation";
import { grantConsent } from "@/lib/consents/grant-consent";
import { withdrawConsent } from "@/lib/consents/withdraw-consent";
import { overrideConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { createPerson } from "../../factories/persons";
import { consentWriteCounts, createPublishedPurpose } from "../../factories/purposes";
import { runQueue } from "../../support/run-queue";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

const APP_URL = "https://portal.example.test";
const inbox: { to: string; subject: string; text: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        inbox.push({ to: session.envelope.rcptTo[0]!.address, subject: mail.subject ?? "", text: mail.text ?? "" });
        callback();
      })
      .catch(callback);
  },
});

let t: TestDatabase;
let purposeKey: string;
beforeAll(async () => {
  t = await setupTestDatabase();
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  overrideConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, APP_URL });
  purposeKey = await createPublishedPurpose({ channel: "EMAIL", requiresDoubleOptIn: true });
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await t.drop();
});

const actor: Actor = { kind: "PERSON", id: "user-doi" };
/** The link in the last email to `to`, after a queue pass has sent what the changes queued. */
const linkIn = async (to: string) => {
  await runQueue(t.database.prisma);
  const mail = inbox.filter((m) => m.to === to).at(-1);
  const url = mail?.text.match(/https:\/\/portal\.example\.test\/consents\/confirm\?token=[A-Za-z0-9_-]+/)?.[0];
  if (!url) throw new Error("no confirmation link in the email");
  return { mail: mail!, token: new URL(url).searchParams.get("token")! };
};
const code = (promise: Promise<unknown>) => promise.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));
const stateOf = async (personId: string) => (await findPersonConsents({ personId, locale: "fi" })).find((c) => c.purposeKey === purposeKey)!;

describe("double opt-in", () => {
  it("is pending (not a permission) until the emailed link confirms it, once", async () => {
    const person = await createPerson(t.database.prisma, { email: `doi-${Date.now()}@example.test` });
    const result = await grantConsent({ actor, personId: person.id, input: { purposeKey, locale: "en" } });
    expect(result).toMatchObject({ status: "PENDING_CONFIRMATION", changed: true });
    expect(await stateOf(person.id)).toMatchObject({ status: "PENDING_CONFIRMATION", permitted: false });

    const { mail, token } = await linkIn(person.email!);
    expect(mail.subject).toBe(`Confirm: ${purposeKey} (en) v1`);
    expect(mail.text).toContain("48 hours");
    const stored = await t.database.prisma.consentConfirmation.findFirstOrThrow({ where: { personId: person.id } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await getConsentConfirmation(token, "en")).toEqual({ state: "pending", purposeKey, title: `${purposeKey} (en) v1` });

    expect(await confirmConsent({ token, userAgent: "Mail app" })).toMatchObject({ purposeKey, status: "confirmed" });
    expect(await stateOf(person.id)).toMatchObject({ status: "GRANTED", permitted: true });
    const events = await t.database.prisma.consentEvent.findMany({ where: { personId: person.id }, orderBy: { occurredAt: "asc" } });
    expect(events.map((e) => [e.status, e.source, e.locale])).toEqual([["PENDING_CONFIRMATION", "PORTAL", "en"], ["GRANTED", "PORTAL", "en"]]);
    const outbox = await t.database.prisma.outboxEvent.findMany({ where: { personId: person.id }, orderBy: { sequence: "asc" } });
    expect(outbox.map((o) => (o.payload as { data: { status: string; permitted: boolean } }).data)).toMatchObject([
      { status: "PENDING_CONFIRMATION", permitted: false },
      { status: "GRANTED", permitted: true },
    ]);

    const before = await consentWriteCounts(t.database.prisma);
    expect(await confirmConsent({ token })).toMatchObject({ status: "already_confirmed", consentEventId: null });
    expect(await consentWriteCounts(t.database.prisma)).toEqual(before);
    expect(await getConsentConfirmation(token, "fi")).toMatchObject({ state: "confirmed" });
  });

  it("refuses an expired link and changes nothing", async () => {
    const person = await createPerson(t.database.prisma, { email: `doi-exp-${Date.now()}@example.test` });
    const asked = new Date(Date.UTC(2026, 10, 1, 8, 0));
    await grantConsent({ actor, personId: person.id, input: { purposeKey }, now: asked });
    const { token } = await linkIn(person.email!);
    const later = new Date(asked.getTime() + 48 * 3600_000 + 1000);
    expect(await getConsentConfirmation(token, "fi", later)).toMatchObject({ state: "expired" });
    const before = await consentWriteCounts(t.database.prisma);
    expect(await code(confirmConsent({ token, now: later }))).toBe("GONE");
    expect(await consentWriteCounts(t.database.prisma)).toEqual(before);
    expect(await stateOf(person.id)).toMatchObject({ status: "PENDING_CONFIRMATION", permitted: false });
  });

  it("asking again sends a fresh link and disables the old one; withdrawing disables the link", async () => {
    const person = await createPerson(t.database.prisma, { email: `doi-again-${Date.now()}@example.test` });
    await grantConsent({ actor, personId: person.id, input: { purposeKey } });
    const first = (await linkIn(person.email!)).token;
    expect(await grantConsent({ actor, personId: person.id, input: { purposeKey } })).toMatchObject({ status: "PENDING_CONFIRMATION", changed: false });
    const second = (await linkIn(person.email!)).token;
    expect(second).not.toBe(first);
    expect(await code(confirmConsent({ token: first }))).toBe("NOT_FOUND");
    expect(await t.database.prisma.consentEvent.count({ where: { personId: person.id } })).toBe(1);

    await withdrawConsent({ actor, personId: person.id, input: { purposeKey } });
    expect(await code(confirmConsent({ token: second }))).toBe("GONE");
    expect(await stateOf(person.id)).toMatchObject({ status: "WITHDRAWN", permitted: false });
  });

  it("refuses a made-up token, and a person without an email address, writing nothing", async () => {
    const before = await consentWriteCounts(t.database.prisma);
    expect(await code(confirmConsent({ token: "x".repeat(43) }))).toBe("NOT_FOUND");
    expect(await getConsentConfirmation("x".repeat(43), "fi")).toEqual({ state: "invalid" });
    const noEmail = await createPerson(t.database.prisma, { email: null });
    expect(await code(grantConsent({ actor, personId: noEmail.id, input: { purposeKey } }))).toBe("VALIDATION");
    expect(await consentWriteCounts(t.database.prisma)).toEqual(before);
  });

  it("keeps the email in the local outbox when no SMTP server is configured", async () => {
    overrideConfig({ SMTP_URL: "", APP_URL });
    try {
      const person = await createPerson(t.database.prisma, { email: `doi-local-${Date.now()}@example.test` });
      await grantConsent({ actor, personId: person.id, input: { purposeKey, locale: "sv" } });
      await runQueue(t.database.prisma);
      const kept = await t.database.prisma.localEmail.findFirstOrThrow({ where: { to: person.email! } });
      expect(kept.subject).toBe(`Bekräfta: ${purposeKey} (sv) v1`);
      const token = kept.text.match(/confirm\?token=([A-Za-z0-9_-]+)/)![1]!;
      expect(await confirmConsent({ token })).toMatchObject({ status: "confirmed" });
    } finally {
      const { port } = smtp.server.address() as AddressInfo;
      overrideConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, APP_URL });
    }
  });
});
