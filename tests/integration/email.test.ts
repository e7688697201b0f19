import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overrideConfig } from "@/lib/config";
import { sendEmail } from "@/lib/email/send-email";
import { setupTestDatabase, type TestDatabase } from "../support/test-database";

let t: TestDatabase;
const received: { to: string[]; subject: string; text: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream).then((mail) => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? "", text: mail.text ?? "" });
      callback();
    }, callback);
  },
});

beforeAll(async () => {
  t = await setupTestDatabase();
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  overrideConfig({ SMTP_URL: "" });
  await new Promise<void>((resolve) => smtp.close(resolve));
  await t.drop();
});

describe("sendEmail", () => {
  it("keeps messages in the local outbox when SMTP_URL is unset", async () => {
    overrideConfig({ SMTP_URL: "" });
    await sendEmail({ to: "local@example.test", subject: "Kept here", html: "<p>Hi</p>", text: "Hi" });
    const stored = await t.database.prisma.localEmail.findMany({ where: { to: "local@example.test" } });
    expect(stored).toEqual([expect.objectContaining({ subject: "Kept here", text: "Hi" })]);
    expect(received).toHaveLength(0);
  });

  it("sends over SMTP when SMTP_URL is set, and keeps nothing locally", async () => {
    const { port } = smtp.server.address() as AddressInfo;
    overrideConfig({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    await sendEmail({ to: "remote@example.test", subject: "Over the wire", html: "<p>Hello</p>", text: "Hello" });
    expect(received).toEqual([expect.objectContaining({ to: ["remote@example.test"], subject: "Over the wire" })]);
    expect(await t.database.prisma.localEmail.count({ where: { to: "remote@example.test" } })).toBe(0);
  });
});
