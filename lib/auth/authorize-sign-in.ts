// Auth.js's signIn callback: who may sign in, and how. Returns true, or a path to go to instead.
import type { Config, OidcSettings } from "../config";
import type { PrismaClient } from "../db/generated/client";
import { isStaff } from "./roles";
import { OIDC_PROVIDER_ID, signInStaffBySso } from "./staff-sso";

/** Auth.js's OpenID Connect provider for staff: discovery from the issuer, code flow with PKCE, state and nonce. */
export function staffSsoProvider(oidc: OidcSettings) {
  return {
    id: OIDC_PROVIDER_ID,
    name: "OpenID Connect",
    type: "oidc" as const,
    issuer: oidc.issuer,
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecret,
    checks: ["pkce", "state", "nonce"] as Array<"pkce" | "state" | "nonce">,
    authorization: { params: { scope: "openid email profile" } },
    // The user Auth.js would create is never used: signInStaffBySso links or creates it first.
    profile: (profile: Record<string, unknown>) => ({
      id: String(profile.sub),
      email: typeof profile.email === "string" ? profile.email : null,
      name: typeof profile.name === "string" ? profile.name : null,
    }),
  };
}

/** Whether this address belongs to a staff member (STAFF_SSO_ONLY keeps emailed links from them). */
export async function isStaffAddress(email: string, prisma: PrismaClient): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { role: true } });
  return Boolean(user && isStaff(user.role));
}

interface SignInParams {
  account?: { provider: string } | null;
  profile?: Record<string, unknown>;
  user?: { email?: string | null };
  email?: { verificationRequest?: boolean };
}

/**
 * - Staff sign-in (OIDC): the token's claim must map to a staff role (signInStaffBySso); refused
 *   sign-ins go to /signin/error with the reason.
 * - Emailed links under STAFF_SSO_ONLY: a staff address is sent no link, yet the form answers as
 *   for any address (the check-email page), so it reveals nothing; a link sent before the setting
 *   was turned on is refused when opened.
 */
export async function authorizeSignIn(params: SignInParams, config: Config, prisma: PrismaClient): Promise<true | string> {
  const provider = params.account?.provider;
  if (provider === OIDC_PROVIDER_ID && config.oidc) {
    const result = await signInStaffBySso(params.profile ?? {}, { roleClaim: config.oidc.roleClaim, roleMap: config.oidc.roleMap, adminEmails: config.ADMIN_EMAILS }, { prisma });
    return result.status === "allowed" ? true : `/signin/error?error=${result.reason}`;
  }
  if (provider === "nodemailer" && config.STAFF_SSO_ONLY && params.user?.email && (await isStaffAddress(params.user.email, prisma))) {
    return params.email?.verificationRequest ? "/signin/check-email" : "/signin/error?error=StaffSsoOnly";
  }
  return true;
}
