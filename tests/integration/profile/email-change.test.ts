import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { confirmEmailChange } from "@/lib/persons/confirm-email-change";
import { requestEmailChange } from "@/lib/persons/request-email-change";
import { createPerson, uniqueEmail } from "../../factories/persons";
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
    expect(await t.database.prisma.emailChangeRequest.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored

    await confirmEmailChange({ token });
    expect((await t.database.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).email).toBe(newEmail);
    expect((await t.database.prisma.user.findFirstOrThrow({ where: { personId: person.id } })).email).toBe(newEmail);
    const event = await t.database.prisma.outboxEvent.findFirstOrThrow({ where: { personId: person.id } });
    expect((event.payload as { data: { changedFields: string[] } }).data.changedFields).toEqual(["email"]);

    const again = await confirmEmailChange({ token }).catch((e) => e);
    expect(again).toBeInstanceOf(AppError);
    expect(again.code).toBe("GONE");
    expect(await t.database.prisma.outboxEvent.count({ where: { personId: person.id } })).toBe(1);
  });

  it("refuses an address that belongs to someone else with the same neutral answer, writing nothing", async () => {
    const person = await createPerson(t.database.prisma);
    const other = await createPerson(t.database.prisma);
    const userOnly = uniqueEmail("user-only");
    await t.database.prisma.user.create({ data: { email: userOnly } });
    for (const taken of [other.email!, userOnly]) {
      const error = await requestEmailChange({ actor: { kind: "PERSON", id: "u" }, personId: person.id, input: { newEmail: taken } }).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error.options.fields).toEqual({ newEmail: "emailUnavailable" });
      expect(error.message).not.toContain(other.id);
    }
    expect(await t.database.prisma.emailChangeRequest.count({ where: { personId: person.id } })).toBe(0);
    expect(await t.database.prisma.auditEntry.count({ where: { personId: person.id } })).toBe(0);
  });

  it("refuses an expired link", async () => {
    const person = await createPerson(t.database.prisma);
    const past = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    const { token } = await requestEmailChange({ actor: { kind: "PERSON", id: "u" }, personId: person.id, input: { newEmail: uniqueEmail() } });
    await t.database.prisma.emailChangeRequest.updateMany({ where: { personId: person.id }, data: { expiresAt: past } });
    expect((await confirmEmailChange({ token }).catch((e) => e)).code).toBe("GONE");
    expect((await t.database.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).email).toBe(person.email);
  });
});
