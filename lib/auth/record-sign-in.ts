import type { Actor } from "../audit/actor";
import type { AuditInput } from "../audit/append-audit-entry";
import type { PrismaClient } from "../db/generated/client";
import { runChange } from "../changes/run-change";

/** Audits a sign-in (with the Auth.js provider it came through) and applies ADMIN_EMAILS to an existing user. */
export async function recordSignIn(userId: string, adminEmails: string[], prisma?: PrismaClient, ipHash?: string | null, method?: string) {
  const actor: Actor = { kind: "PERSON", id: userId, ipHash };
  return runChange(
    actor,
    async (tx) => {
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, role: true, personId: true } });
      const promote = adminEmails.includes(user.email.toLowerCase()) && user.role !== "ADMIN";
      if (promote) await tx.user.update({ where: { id: userId }, data: { role: "ADMIN" } });
      const audit: AuditInput[] = [{ action: "auth.signed_in", personId: user.personId, target: `User:${userId}`, ...(method ? { details: { method } } : {}) }];
      if (promote) {
        audit.push({ action: "staff.role_changed", personId: user.personId, target: `User:${userId}`, details: { from: user.role, to: "ADMIN", by: "ADMIN_EMAILS" } });
      }
      return { result: undefined, audit };
    },
    { prisma },
  );
}
