import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { confirmEmailChange } from "@/lib/persons/confirm-email-change";
import { requestEmailChange } from "@/lib/persons/request-email-change";
import { createPerson, uniqueEmail } from "../../factories/persons";
import { runQueue } from "../../support/run-queue";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("email change", () => {
  it("applies only when the new address confirms, once, and moves the sign-in address with it", async () => {
    const person = await createPerson(t.database.prisma);
    await t.database.prisma.user.create({ data: { email: person.email!, personId: person.id } });
    const newEmail = uniqueEmail("new");
    const actor = { kind: "PERSON" as const, id: "u" };
    const { token, oldEmail } = await requestEmailChange({ actor, personId: person.id, input: { newEmail: newEmail.toUpperCase() } });
    expect(oldEmail).toBe(person.email);
    expect((await t.database.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).email).toBe(person.email);
    expect(await t.database.prisma.emailChangeRequest.count({ where: { tokenHash: token! } })).toBe(0); // only the hash is stored

    await confirmEmailChange({ token: token! });
    expect((await t.database.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).email).toBe(newEmail);
    expect((await t.database.prisma.user.findFirstOrThrow({ where: { personId: person.id } })).email).toBe(newEmail);
    const event = await t.database.prisma.outboxEvent.findFirstOrThrow({ where: { personId: person.id } });
    expect((event.payload as { data: { changedFields: string[] } }).data.changedFields).toEqual(["email"]);

    const again = await confirmEmailChange({ token: token! }).catch((e) => e);
    expect(again).toBeInstanceOf(AppError);
    expect(again.code).toBe("GONE");
    expect(await t.database.prisma.outboxEvent.count({ where: { personId: person.id } })).toBe(1);
  });

  it("answers the same for an address that belongs to someone else, and tells its owner instead", async () => {
    const prisma = t.database.prisma;
    const person = await createPerson(prisma);
    await prisma.person.update({ where: { id: person.id }, data: { preferredLanguage: "en" } });
    const other = await createPerson(prisma);
    await prisma.person.update({ where: { id: other.id }, data: { preferredLanguage: "sv" } });
    const userOnly = uniqueEmail("user-only");
    await prisma.user.create({ data: { email: userOnly } });
    const actor = { kind: "PERSON" as const, id: "u" };
    const free = uniqueEmail("free");
    const pending = await requestEmailChange({ actor, personId: person.id, input: { newEmail: free } });

    for (const taken of [other.email!, userOnly]) {
      const change = await requestEmailChange({ actor, personId: person.id, input: { newEmail: taken } });
      expect(change).toMatchObject({ token: null, newEmail: taken, oldEmail: person.email });
      // The emails are queued with the change and go on the queue's next pass.
      expect(await prisma.localEmail.count({ where: { to: taken } })).toBe(0);
      await runQueue(prisma);
      const mails = await prisma.localEmail.findMany({ where: { to: taken } });
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).not.toContain("/confirm-email");
      // In the owner's language when they are a person, else in the requester's.
      expect(mails[0]!.subject).toBe(taken === userOnly ? "Someone tried to use your address at Omadata" : "Någon försökte använda din adress hos Omadata");
    }
    // The requester's own records look as after any request: the earlier link is replaced, the
    // current address got its notice each time, and nothing can confirm the taken address.
    expect((await confirmEmailChange({ token: pending.token! }).catch((e) => e)).code).toBe("GONE");
    expect(await prisma.emailChangeRequest.count({ where: { personId: person.id } })).toBe(3);
    expect(await prisma.emailChangeRequest.count({ where: { personId: person.id, usedAt: null } })).toBe(0);
    expect(await prisma.auditEntry.count({ where: { personId: person.id, action: "person.email_change_requested" } })).toBe(3);
    expect(await prisma.localEmail.count({ where: { to: person.email! } })).toBe(3);
    expect(await prisma.localEmail.count({ where: { to: free, text: { contains: "/confirm-email" } } })).toBe(1);
    expect((await prisma.person.findUniqueOrThrow({ where: { id: other.id } })).email).toBe(other.email);
  });

  it("allows three requests an hour per person, then refuses with a message and writes nothing", async () => {
    const prisma = t.database.prisma;
    const person = await createPerson(prisma);
    const actor = { kind: "PERSON" as const, id: "u" };
    for (let i = 0; i < 3; i += 1) await requestEmailChange({ actor, personId: person.id, input: { newEmail: uniqueEmail() } });
    const refused = await requestEmailChange({ actor, personId: person.id, input: { newEmail: uniqueEmail() } }).catch((e) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "RATE_LIMITED", options: { userMessage: "rateLimited" } });
    expect(await prisma.emailChangeRequest.count({ where: { personId: person.id } })).toBe(3);
    // Another person is not affected.
    const other = await createPerson(prisma);
    await expect(requestEmailChange({ actor, personId: other.id, input: { newEmail: uniqueEmail() } })).resolves.toMatchObject({ token: expect.any(String) });
  });

  it("refuses an expired link", async () => {
    const person = await createPerson(t.database.prisma);
    const past = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    const { token } = await requestEmailChange({ actor: { kind: "PERSON", id: "u" }, personId: person.id, input: { newEmail: uniqueEmail() } });
    await t.database.prisma.emailChangeRequest.updateMany({ where: { personId: person.id }, data: { expiresAt: past } });
    expect((await confirmEmailChange({ token: token! }).catch((e) => e)).code).toBe("GONE");
    expect((await t.database.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).email).toBe(person.email);
  });
});
