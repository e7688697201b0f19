import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { sequenceAuditLog } from "../support/sequence-audit-log";
import { createUserForEmail } from "@/lib/auth/create-user-for-email";
import { recordSignIn } from "@/lib/auth/record-sign-in";
import { createPerson, uniqueEmail } from "../factories/persons";
import { setupTestDatabase, type TestDatabase } from "../support/test-database";

describe("first sign-in", () => {
  let t: TestDatabase;
  const prisma = () => t.database.prisma;
  const auditFor = (personId: string) => prisma().auditEntry.findMany({ where: { personId }, orderBy: { id: "asc" } });

  beforeAll(async () => {
    t = await setupTestDatabase();
  });
  afterAll(async () => t.drop());

  it("links the user to the existing Person with that email, creating no Person", async () => {
    const email = uniqueEmail("known");
    const person = await createPerson(prisma(), { email });
    const persons = await prisma().person.count();
    const verified = new Date("2026-11-26T09:00:00.000Z");

    const user = await createUserForEmail({ email: `  ${email.toUpperCase()} `, emailVerified: verified }, [], prisma());

    expect(user).toMatchObject({ email, personId: person.id, role: "CUSTOMER", emailVerified: verified });
    expect(await prisma().person.count()).toBe(persons);
    expect((await prisma().person.findUniqueOrThrow({ where: { id: person.id } })).emailVerifiedAt).not.toBeNull();
    const audit = await auditFor(person.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "auth.user_linked",
      actorKind: "PERSON",
      target: `User:${user.id}`,
      details: { userId: user.id, role: "CUSTOMER", personCreated: false },
    });
  });

  it("creates a new Person for an unknown email", async () => {
    const email = uniqueEmail("new");
    const persons = await prisma().person.count();

    const user = await createUserForEmail({ email, emailVerified: null, name: "Uusi" }, [], prisma());

    expect(await prisma().person.count()).toBe(persons + 1);
    const person = await prisma().person.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ personId: person.id, role: "CUSTOMER", name: "Uusi" });
    expect(person.emailVerifiedAt).not.toBeNull();
    expect(await auditFor(person.id)).toMatchObject([{ action: "auth.user_created", details: { personCreated: true } }]);
  });

  it("grants ADMIN to an address in ADMIN_EMAILS, and only to it", async () => {
    const admin = uniqueEmail("boss");
    const other = uniqueEmail("colleague");
    const adminUser = await createUserForEmail({ email: admin.toUpperCase(), emailVerified: null }, [admin], prisma());
    const otherUser = await createUserForEmail({ email: other, emailVerified: null }, [admin], prisma());
    expect(adminUser.role).toBe("ADMIN");
    expect(otherUser.role).toBe("CUSTOMER");
    expect(await auditFor(adminUser.personId!)).toMatchObject([{ action: "auth.user_created", details: { role: "ADMIN" } }]);
  });

  it("writes nothing when the user cannot be created", async () => {
    const email = uniqueEmail("twice");
    await createUserForEmail({ email, emailVerified: null }, [], prisma());
    const before = [await prisma().person.count(), await prisma().user.count(), await prisma().auditEntry.count()];
    await expect(createUserForEmail({ email, emailVerified: null }, [], prisma())).rejects.toThrow();
    expect([await prisma().person.count(), await prisma().user.count(), await prisma().auditEntry.count()]).toEqual(before);
  });

  it("leaves one intact audit chain behind", async () => {
    await sequenceAuditLog(prisma());
    expect(await verifyAuditChain(prisma())).toMatchObject({ intact: true });
  });
});

describe("recordSignIn", () => {
  let t: TestDatabase;
  const prisma = () => t.database.prisma;

  beforeAll(async () => {
    t = await setupTestDatabase();
  });
  afterAll(async () => t.drop());

  it("promotes an existing user listed in ADMIN_EMAILS and audits the sign-in and the role change", async () => {
    const email = uniqueEmail("promoted");
    const user = await createUserForEmail({ email, emailVerified: null }, [], prisma());
    expect(user.role).toBe("CUSTOMER");

    await recordSignIn(user.id, [email], prisma(), "iphash-1");

    expect((await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("ADMIN");
    const audit = await prisma().auditEntry.findMany({ where: { target: `User:${user.id}`, action: { not: "auth.user_created" } }, orderBy: { id: "asc" } });
    expect(audit).toMatchObject([
      { action: "auth.signed_in", actorKind: "PERSON", actorId: user.id, personId: user.personId, ipHash: "iphash-1" },
      { action: "staff.role_changed", details: { from: "CUSTOMER", to: "ADMIN", by: "ADMIN_EMAILS" } },
    ]);
  });

  it("audits a plain sign-in without changing the role", async () => {
    const user = await createUserForEmail({ email: uniqueEmail("plain"), emailVerified: null }, [], prisma());
    await recordSignIn(user.id, [uniqueEmail("someone-else")], prisma());
    expect((await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("CUSTOMER");
    const audit = await prisma().auditEntry.findMany({ where: { target: `User:${user.id}`, action: { not: "auth.user_created" } } });
    expect(audit.map((a) => a.action)).toEqual(["auth.signed_in"]);
  });
});
