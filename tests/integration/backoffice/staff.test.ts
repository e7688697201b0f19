// Staff management: invite by email with a role (and an email to sign in), change role, remove;
// audited; admins only; never oneself and never the last admin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeStaffRole } from "@/lib/staff/change-staff-role";
import { findStaff } from "@/lib/staff/find-staff";
import { inviteStaff } from "@/lib/staff/invite-staff";
import { removeStaff } from "@/lib/staff/remove-staff";
import { createPerson, uniqueEmail } from "../../factories/persons";
import { createStaff, staffActor } from "../../factories/staff";
import { runEmailQueue } from "../../support/run-queue";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => t.drop());

describe("staff management", () => {
  it("invites a new address: a user with the role, linked to their person, an email to sign in, an audit entry", async () => {
    const prisma = t.database.prisma;
    const admin = await createStaff(prisma, "ADMIN");
    const person = await createPerson(prisma);
    const result = await inviteStaff({ actor: admin.actor, input: { email: ` ${person.email!.toUpperCase()} `, role: "SUPPORT", locale: "en" } });
    expect(result).toMatchObject({ role: "SUPPORT", created: true });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: result.userId } })).toMatchObject({ email: person.email, role: "SUPPORT", personId: person.id });
    await runEmailQueue(prisma);
    const mail = await prisma.localEmail.findFirstOrThrow({ where: { to: person.email! } });
    expect(mail.subject).toBe("You have been given access to the Omadata back-office");
    expect(mail.text).toContain("/signin");
    expect(await prisma.auditEntry.findFirst({ where: { action: "staff.invited", target: `User:${result.userId}` } })).toMatchObject({ actorId: admin.user.id, personId: person.id });
    expect((await findStaff({ actor: admin.actor })).map((s) => s.email)).toContain(person.email);
  });

  it("changes a role and removes a staff member, who stays a customer", async () => {
    const prisma = t.database.prisma;
    const admin = await createStaff(prisma, "ADMIN");
    const { userId } = await inviteStaff({ actor: admin.actor, input: { email: uniqueEmail("officer"), role: "SUPPORT" } });
    expect(await changeStaffRole({ actor: admin.actor, input: { userId, role: "PRIVACY_OFFICER" } })).toMatchObject({ changed: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).role).toBe("PRIVACY_OFFICER");
    expect(await prisma.auditEntry.findFirst({ where: { action: "staff.role_changed", target: `User:${userId}` } })).toMatchObject({ details: { userId, from: "SUPPORT", to: "PRIVACY_OFFICER" } });
    await removeStaff({ actor: admin.actor, input: { userId } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).role).toBe("CUSTOMER");
    expect((await removeStaff({ actor: admin.actor, input: { userId } }).catch((e) => e)).code).toBe("NOT_FOUND");
  });

  it("refuses changing one's own role and removing the last admin", async () => {
    const prisma = t.database.prisma;
    const admin = await createStaff(prisma, "ADMIN");
    expect((await changeStaffRole({ actor: admin.actor, input: { userId: admin.user.id, role: "SUPPORT" } }).catch((e) => e)).options.userMessage).toBe("ownRole");
    expect((await inviteStaff({ actor: admin.actor, input: { email: admin.user.email, role: "SUPPORT" } }).catch((e) => e)).options.userMessage).toBe("ownRole");
    // Every other admin removed: the last one cannot be demoted by a (hypothetical) other admin actor.
    await prisma.user.updateMany({ where: { role: "ADMIN", id: { not: admin.user.id } }, data: { role: "SUPPORT" } });
    const error = await removeStaff({ actor: staffActor("ADMIN", "someone-else"), input: { userId: admin.user.id } }).catch((e) => e);
    expect(error.options.userMessage).toBe("lastAdmin");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.user.id } })).role).toBe("ADMIN");
  });

  it("is for admins only", async () => {
    for (const role of ["CUSTOMER", "SUPPORT", "PRIVACY_OFFICER"] as const) {
      const actor = staffActor(role);
      expect((await inviteStaff({ actor, input: { email: uniqueEmail(), role: "ADMIN" } }).catch((e) => e)).code).toBe("FORBIDDEN");
      expect((await changeStaffRole({ actor, input: { userId: "x", role: "ADMIN" } }).catch((e) => e)).code).toBe("FORBIDDEN");
      expect((await removeStaff({ actor, input: { userId: "x" } }).catch((e) => e)).code).toBe("FORBIDDEN");
      await expect(findStaff({ actor })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
