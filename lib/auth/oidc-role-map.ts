// Staff roles from an identity provider's claim (OIDC_ROLE_CLAIM, OIDC_ROLE_MAP). Pure: the
// configuration parses the map at start-up, and every SSO sign-in maps the token's claim.
import type { Role } from "../db/generated/enums";
import { hasRole } from "./roles";

export type StaffRole = Exclude<Role, "CUSTOMER">;

const staffRoles: readonly StaffRole[] = ["SUPPORT", "PRIVACY_OFFICER", "ADMIN"];

/** Claim value → role, e.g. { "omadata-admins": "ADMIN", privacy: "PRIVACY_OFFICER" }. */
export type OidcRoleMap = Readonly<Record<string, StaffRole>>;

export type RoleMapParse = { ok: true; map: OidcRoleMap } | { ok: false; message: string };

/**
 * Parses `value=ROLE` pairs separated by commas (`omadata-admins=ADMIN,privacy=PRIVACY_OFFICER`).
 * A value is matched exactly (case-sensitive, as identity providers send it); the split is at the
 * last `=`, so a value may itself contain one.
 */
export function parseOidcRoleMap(text: string): RoleMapParse {
  const map: Record<string, StaffRole> = {};
  const pairs = text.split(",").map((p) => p.trim()).filter(Boolean);
  if (pairs.length === 0) return { ok: false, message: "must map at least one claim value to a role, e.g. omadata-admins=ADMIN" };
  for (const pair of pairs) {
    const at = pair.lastIndexOf("=");
    const value = at > 0 ? pair.slice(0, at).trim() : "";
    const role = at > 0 ? pair.slice(at + 1).trim() : "";
    if (!value) return { ok: false, message: `"${pair}" must be value=ROLE, e.g. omadata-admins=ADMIN` };
    if (!(staffRoles as readonly string[]).includes(role)) {
      return { ok: false, message: `"${pair}": the role must be one of ${staffRoles.join(", ")}` };
    }
    if (value in map && map[value] !== role) return { ok: false, message: `"${value}" is mapped twice, to ${map[value]} and ${role}` };
    map[value] = role as StaffRole;
  }
  return { ok: true, map };
}

/**
 * The claim's values: an array of strings (groups, roles) or a single string. The claim is read by
 * its exact name first (URL-like custom claims contain dots), then as a dotted path into nested
 * objects (Keycloak's `realm_access.roles`).
 */
export function claimValues(claims: Record<string, unknown>, claim: string): string[] {
  let value: unknown = claims[claim];
  if (value === undefined && claim.includes(".")) {
    value = claim.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), claims);
  }
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** The highest role any of the claim's values maps to, or null when none maps. */
export function roleFromClaims(claims: Record<string, unknown>, claim: string, map: OidcRoleMap): StaffRole | null {
  let best: StaffRole | null = null;
  for (const value of claimValues(claims, claim)) {
    const role = Object.hasOwn(map, value) ? map[value] : undefined;
    if (role && (!best || !hasRole(best, role))) best = role;
  }
  return best;
}
