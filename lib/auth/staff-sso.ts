// Staff single sign-on: the sign-in decision for an OpenID Connect ID token, and the user it
// signs in. The identity provider is the source of staff roles: the role is taken from the token
// at every sign-in, so a group removed there removes the role here at the next sign-in.
import type { Actor } from "../audit/actor";
import type { AuditInput } from "../audit/append-audit-entry";
import { runChange } from "../changes/run-change";
import { db } from "../db/client";
import type { PrismaClient } from "../db/generated/client";
import type { Tx } from "../db/types";
import { roleFromClaims, type OidcRoleMap, type StaffRole } from "./oidc-role-map";

/** The Auth.js provider id, so the redirect URI is <APP_URL>/api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

export interface StaffSsoSettings {
  roleClaim: string;
  roleMap: OidcRoleMap;
  /** ADMIN_EMAILS: these addresses are ADMIN whatever the claim says (the way back in). */
  adminEmails: string[];
}

/** Why a sign-in was refused; each has its own words on /signin/error. */
export type StaffSsoRefusal = "StaffNoRole" | "StaffEmailUnverified";

export type StaffSsoResult = { status: "allowed"; userId: string; role: StaffRole } | { status: "refused"; reason: StaffSsoRefusal };

const emailOf = (claims: Record<string, unknown>) => (typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "");
/** Some providers send the flag as a string. Absent counts as verified (Entra ID does not send it). */
const emailVerified = (claims: Record<string, unknown>) => claims.email_verified !== false && claims.email_verified !== "false";

/**
 * Signs in the user behind an ID token's claims, or refuses. The user is the one this identity
 * (issuer subject) signed in as before; on a first sign-in, the user with the token's email when
 * the provider does not say it is unverified (linked then), or a new staff user. Their role becomes
 * the highest the claim maps to; a claim that maps to none refuses the sign-in and takes the staff
 * role away (the user stays, as a customer if they are one). Role changes are audited as
 * `staff.role_changed` by OIDC in the same transaction; the sign-in itself is audited by
 * recordSignIn once the session exists.
 */
export async function signInStaffBySso(claims: Record<string, unknown>, settings: StaffSsoSettings, options: { prisma?: PrismaClient; now?: Date } = {}): Promise<StaffSsoResult> {
  const subject = typeof claims.sub === "string" ? claims.sub : "";
  if (!subject) throw new Error("ID token without a subject");
  const email = emailOf(claims);
  const prisma = options.prisma;
  // The actor is the signing-in user, known before the transaction when they signed in before.
  const known = await findUser(prisma, subject, email, emailVerified(claims));
  const actor: Actor = { kind: "PERSON", id: known?.user?.id ?? null };
  return runChange(
    actor,
    async (tx, now) => {
      const { linked, user } = (await findUser(tx, subject, email, emailVerified(claims))) ?? { linked: false, user: null };
      if (!linked && (!email || !emailVerified(claims))) return refused("StaffEmailUnverified");
      const role = settings.adminEmails.includes((user?.email ?? email).toLowerCase()) ? "ADMIN" : roleFromClaims(claims, settings.roleClaim, settings.roleMap);
      const audit: AuditInput[] = [];
      const changeRole = async (id: string, personId: string | null, from: string, to: string) => {
        await tx.user.update({ where: { id }, data: { role: to as StaffRole } });
        audit.push({ action: "staff.role_changed", personId, target: `User:${id}`, details: { userId: id, from, to, by: "OIDC" } });
      };
      if (!role) {
        if (user && user.role !== "CUSTOMER") await changeRole(user.id, user.personId, user.role, "CUSTOMER");
        return { result: { status: "refused", reason: "StaffNoRole" } as StaffSsoResult, audit };
      }
      let userId = user?.id;
      if (!user) {
        // Like an invitation: linked to the person with this address when they have no user yet.
        const person = await tx.person.findUnique({ where: { email }, select: { id: true, user: { select: { id: true } } } });
        const personId = person && !person.user ? person.id : null;
        const created = await tx.user.create({ data: { email, emailVerified: now, role, personId }, select: { id: true } });
        userId = created.id;
        audit.push({ action: "auth.user_created", personId, target: `User:${userId}`, details: { userId, role, personCreated: false, by: "OIDC" } });
      } else if (user.role !== role) {
        await changeRole(user.id, user.personId, user.role, role);
      }
      if (!linked) await tx.account.create({ data: { userId: userId!, type: "oidc", provider: OIDC_PROVIDER_ID, providerAccountId: subject } });
      return { result: { status: "allowed", userId: userId!, role } as StaffSsoResult, audit };
    },
    { prisma, now: options.now },
  );
}

const refused = (reason: StaffSsoRefusal) => ({ result: { status: "refused", reason } as StaffSsoResult, audit: [] });

/** The user this identity signed in as before (linked), else the one with its verified email. */
async function findUser(client: Tx | PrismaClient | undefined, subject: string, email: string, verified: boolean) {
  const reader = client ?? (await db());
  const select = { id: true, email: true, role: true, personId: true } as const;
  const account = await reader.account.findUnique({ where: { provider_providerAccountId: { provider: OIDC_PROVIDER_ID, providerAccountId: subject } }, select: { user: { select } } });
  if (account) return { linked: true, user: account.user };
  if (!email || !verified) return null;
  return { linked: false, user: await reader.user.findUnique({ where: { email }, select }) };
}
