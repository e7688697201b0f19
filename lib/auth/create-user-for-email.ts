import type { Actor } from "../audit/actor";
import type { PrismaClient } from "../db/generated/client";
import { runChange } from "../changes/run-change";

export interface NewUserInput {
  email: string;
  emailVerified: Date | null;
  name?: string | null;
}

/**
 * First sign-in with a verified email: the user is linked to the Person who has that email,
 * or a new Person is created. Addresses in ADMIN_EMAILS get the ADMIN role.
 */
export async function createUserForEmail(input: NewUserInput, adminEmails: string[], prisma?: PrismaClient) {
  const email = input.email.trim().toLowerCase();
  const actor: Actor = { kind: "PERSON", id: null };
  return runChange(
    actor,
    async (tx, now) => {
      let person = await tx.person.findUnique({ where: { email }, select: { id: true, emailVerifiedAt: true } });
      const linkedExisting = person !== null;
      if (!person) {
        person = await tx.person.create({ data: { email, emailVerifiedAt: now }, select: { id: true, emailVerifiedAt: true } });
      } else if (!person.emailVerifiedAt) {
        await tx.person.update({ where: { id: person.id }, data: { emailVerifiedAt: now } });
      }
      const role = adminEmails.includes(email) ? "ADMIN" : "CUSTOMER";
      const user = await tx.user.create({
        data: { email, emailVerified: input.emailVerified ?? now, name: input.name ?? null, role, personId: person.id },
      });
      return {
        result: user,
        audit: {
          action: linkedExisting ? "auth.user_linked" : "auth.user_created",
          personId: person.id,
          target: `User:${user.id}`,
          details: { userId: user.id, role, personCreated: !linkedExisting },
        },
      };
    },
    { prisma },
  );
}
