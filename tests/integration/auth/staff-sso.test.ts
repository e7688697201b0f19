import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeSignIn } from "@/lib/auth/authorize-sign-in";
import { signInStaffBySso, type StaffSsoSettings } from "@/lib/auth/staff-sso";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { parseConfig } from "@/lib/config";
import { createPerson, uniqueEmail } from "../../factories/persons";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

const settings: StaffSsoSettings = {
  roleClaim: "groups",
  roleMap: { "omadata-admins": "ADMIN", privacy: "PRIVACY_OFFICER", support: "SUPPORT" },
  adminEmails: [],
};

describe("staff sign-in by OpenID Connect", () => {
  let t: TestDatabase;
  const prisma = () => t.database.prisma;
  const signIn = (claims: Record<string, unknown>, s: StaffSsoSettings = settings) => signInStaffBySso(claims, s, { prisma: prisma() });
  const token = (email: string, groups: string[], extra: Record<string, unknown> = {}) => ({ sub: randomUUID(), email, email_verified: true, groups, ...extra });
  const roleChanges = (userId: string) =>
    prisma().auditEntry.findMany({ where: { action: "staff.role_changed", target: `User:${userId}` }, orderBy: { id: "asc" }, select: { details: true, actorKind: true, actorId: true } });

  beforeAll(async () => {
    t = await setupTestDatabase();
  });
  afterAll(async () => t.drop());

  it("creates a staff user with the highest mapped role on a first sign-in, linked to the identity", async () => {
    const email = uniqueEmail("sso-new");
    const claims = token(email.toUpperCase(), ["support", "privacy", "everyone"]);
    const result = await signIn(claims);
    expect(result).toMatchObject({ status: "allowed", role: "PRIVACY_OFFICER" });
    const userId = result.status === "allowed" ? result.userId : "";
    expect(await prisma().user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ email, role: "PRIVACY_OFFICER", personId: null });
    expect(await prisma().account.findMany({ where: { userId } })).toMatchObject([{ provider: "oidc", providerAccountId: claims.sub, type: "oidc", id_token: null, access_token: null }]);
    expect(await prisma().auditEntry.findFirst({ where: { action: "auth.user_created", target: `User:${userId}` } })).toMatchObject({
      details: { userId, role: "PRIVACY_OFFICER", personCreated: false, by: "OIDC" },
    });
    // No person record is made for a staff member.
    expect(await prisma().person.findUnique({ where: { email } })).toBeNull();
  });

  it("takes the role from the token at every sign-in: a changed or removed group changes or removes the role, audited", async () => {
    const email = uniqueEmail("sso-change");
    const claims = token(email, ["omadata-admins"]);
    const first = await signIn(claims);
    const userId = first.status === "allowed" ? first.userId : "";
    expect(first).toMatchObject({ status: "allowed", role: "ADMIN" });

    expect(await signIn({ ...claims, groups: ["support"] })).toEqual({ status: "allowed", userId, role: "SUPPORT" });
    expect((await prisma().user.findUniqueOrThrow({ where: { id: userId } })).role).toBe("SUPPORT");

    // The same role again changes nothing and writes no role change.
    await signIn({ ...claims, groups: ["support", "everyone"] });

    expect(await signIn({ ...claims, groups: ["everyone"] })).toEqual({ status: "refused", reason: "StaffNoRole" });
    expect((await prisma().user.findUniqueOrThrow({ where: { id: userId } })).role).toBe("CUSTOMER");
    expect(await roleChanges(userId)).toEqual([
      { actorKind: "PERSON", actorId: userId, details: { userId, from: "ADMIN", to: "SUPPORT", by: "OIDC" } },
      { actorKind: "PERSON", actorId: userId, details: { userId, from: "SUPPORT", to: "CUSTOMER", by: "OIDC" } },
    ]);
    // The identity stays linked: a group given back gives the role back.
    expect(await signIn({ ...claims, groups: ["privacy"] })).toEqual({ status: "allowed", userId, role: "PRIVACY_OFFICER" });
    expect(await prisma().account.count({ where: { userId } })).toBe(1);
  });

  it("refuses an account whose claim maps to no role, creating no user", async () => {
    const email = uniqueEmail("sso-unmapped");
    expect(await signIn(token(email, ["everyone"]))).toEqual({ status: "refused", reason: "StaffNoRole" });
    expect(await signIn(token(email, [], { groups: undefined }))).toEqual({ status: "refused", reason: "StaffNoRole" });
    expect(await prisma().user.findUnique({ where: { email } })).toBeNull();
    expect(await prisma().account.count({ where: { user: { email } } })).toBe(0);
  });

  it("links to the existing staff user with the same verified email, keeping their id", async () => {
    const staff = await prisma().user.create({ data: { email: uniqueEmail("invited"), role: "SUPPORT" } });
    const claims = token(staff.email, ["omadata-admins"]);
    expect(await signIn(claims)).toEqual({ status: "allowed", userId: staff.id, role: "ADMIN" });
    expect(await prisma().account.findMany({ where: { userId: staff.id }, select: { providerAccountId: true } })).toEqual([{ providerAccountId: claims.sub }]);
  });

  it("never links by an email the provider says is unverified, nor without an email", async () => {
    const staff = await prisma().user.create({ data: { email: uniqueEmail("victim"), role: "ADMIN" } });
    expect(await signIn(token(staff.email, ["omadata-admins"], { email_verified: false }))).toEqual({ status: "refused", reason: "StaffEmailUnverified" });
    expect(await signIn(token(staff.email, ["omadata-admins"], { email_verified: "false" }))).toEqual({ status: "refused", reason: "StaffEmailUnverified" });
    expect(await signIn({ sub: randomUUID(), groups: ["omadata-admins"] })).toEqual({ status: "refused", reason: "StaffEmailUnverified" });
    expect(await prisma().account.count({ where: { userId: staff.id } })).toBe(0);
    expect((await prisma().user.findUniqueOrThrow({ where: { id: staff.id } })).role).toBe("ADMIN");
  });

  it("an identity signed in before is found by its subject, whatever its email says now", async () => {
    const email = uniqueEmail("renamed");
    const claims = token(email, ["support"]);
    const first = await signIn(claims);
    const later = await signIn({ ...claims, email: uniqueEmail("new-address"), email_verified: false, groups: ["privacy"] });
    expect(later).toEqual({ status: "allowed", userId: first.status === "allowed" ? first.userId : "", role: "PRIVACY_OFFICER" });
  });

  it("gives a customer with the same email staff rights only when the claim maps a role, keeping their person", async () => {
    const person = await createPerson(prisma());
    const customer = await prisma().user.create({ data: { email: person.email!, personId: person.id } });
    expect(await signIn(token(person.email!, ["everyone"]))).toEqual({ status: "refused", reason: "StaffNoRole" });
    expect(await prisma().user.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({ role: "CUSTOMER", personId: person.id });
    expect(await roleChanges(customer.id)).toEqual([]);

    expect(await signIn(token(person.email!, ["support"]))).toEqual({ status: "allowed", userId: customer.id, role: "SUPPORT" });
    expect(await prisma().user.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({ role: "SUPPORT", personId: person.id });
  });

  it("links a new staff user to the person with that address when the person has no user yet", async () => {
    const person = await createPerson(prisma());
    const result = await signIn(token(person.email!, ["support"]));
    const userId = result.status === "allowed" ? result.userId : "";
    expect(await prisma().user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ personId: person.id, role: "SUPPORT" });
  });

  it("keeps an ADMIN_EMAILS address ADMIN whatever the claim says", async () => {
    const email = uniqueEmail("boss");
    expect(await signIn(token(email, ["everyone"]), { ...settings, adminEmails: [email] })).toMatchObject({ status: "allowed", role: "ADMIN" });
    expect(await signIn(token(email, ["support"]), { ...settings, adminEmails: [email] })).toMatchObject({ status: "allowed", role: "ADMIN" });
  });

  it("reads the role claim named in the settings", async () => {
    const email = uniqueEmail("roles");
    const roles = { ...settings, roleClaim: "roles" };
    expect(await signIn(token(email, ["omadata-admins"], { roles: ["support"] }), roles)).toMatchObject({ status: "allowed", role: "SUPPORT" });
  });

  it("leaves the audit chain intact", async () => {
    expect(await verifyAuditChain(prisma())).toMatchObject({ intact: true });
  });
});

describe("the signIn callback", () => {
  let t: TestDatabase;
  const prisma = () => t.database.prisma;
  const oidc = {
    OIDC_ISSUER: "https://login.example.com",
    OIDC_CLIENT_ID: "omadata",
    OIDC_CLIENT_SECRET: "secret",
    OIDC_ROLE_MAP: "support=SUPPORT",
  };

  beforeAll(async () => {
    t = await setupTestDatabase();
  });
  afterAll(async () => t.drop());

  it("sends a refused staff sign-in to the error page with its reason", async () => {
    const config = parseConfig(oidc);
    const profile = { sub: randomUUID(), email: uniqueEmail("nobody"), email_verified: true, groups: ["everyone"] };
    expect(await authorizeSignIn({ account: { provider: "oidc" }, profile }, config, prisma())).toBe("/signin/error?error=StaffNoRole");
    expect(await authorizeSignIn({ account: { provider: "oidc" }, profile: { ...profile, groups: ["support"] } }, config, prisma())).toBe(true);
  });

  it("with STAFF_SSO_ONLY, sends no link to a staff address (answering as for any address) and refuses an older link; customers keep links", async () => {
    const staff = await prisma().user.create({ data: { email: uniqueEmail("staff"), role: "SUPPORT" } });
    const person = await createPerson(prisma());
    await prisma().user.create({ data: { email: person.email!, personId: person.id } });
    const link = (email: string, verificationRequest?: boolean) => ({ account: { provider: "nodemailer" }, user: { email }, email: verificationRequest ? { verificationRequest } : undefined });

    const only = parseConfig({ ...oidc, STAFF_SSO_ONLY: "true" });
    expect(await authorizeSignIn(link(staff.email.toUpperCase(), true), only, prisma())).toBe("/signin/check-email");
    expect(await authorizeSignIn(link(staff.email), only, prisma())).toBe("/signin/error?error=StaffSsoOnly");
    expect(await authorizeSignIn(link(person.email!, true), only, prisma())).toBe(true);
    expect(await authorizeSignIn(link(person.email!), only, prisma())).toBe(true);
    expect(await authorizeSignIn(link(uniqueEmail("unknown"), true), only, prisma())).toBe(true);

    const notOnly = parseConfig(oidc);
    expect(await authorizeSignIn(link(staff.email, true), notOnly, prisma())).toBe(true);
    expect(await authorizeSignIn(link(staff.email), notOnly, prisma())).toBe(true);
  });
});
