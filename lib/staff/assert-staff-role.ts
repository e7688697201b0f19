import type { Actor } from "../audit/actor";
import { hasRole } from "../auth/roles";
import type { Role } from "../db/generated/enums";
import { AppError } from "../errors";

/**
 * Back-office domain functions take an actor and refuse a staff member below their minimum
 * role (and anyone who is not staff), whatever page, action or script calls them. The pages and
 * actions check too; this keeps the rule where the data is.
 */
export function assertStaffRole(actor: Actor, minimum: Role): asserts actor is Actor & { kind: "STAFF"; id: string; role: Role } {
  if (actor.kind !== "STAFF" || !actor.id || !actor.role || !hasRole(actor.role, "SUPPORT") || !hasRole(actor.role, minimum)) {
    throw new AppError("FORBIDDEN", `${minimum} role required`, { userMessage: "forbidden" });
  }
}
