import type { Role } from "../db/generated/enums";

const rank: Record<Role, number> = { CUSTOMER: 0, SUPPORT: 1, PRIVACY_OFFICER: 2, ADMIN: 3 };

/** Staff roles are ordered: SUPPORT < PRIVACY_OFFICER < ADMIN. */
export const hasRole = (role: Role, minimum: Role) => rank[role] >= rank[minimum];
export const isStaff = (role: Role) => hasRole(role, "SUPPORT");
