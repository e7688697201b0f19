import type { Actor } from "../audit/actor";
import { hasRole } from "../auth/roles";
import { AppError } from "../errors";

/**
 * Officer actions need a staff actor of at least PRIVACY_OFFICER. Enforced here, in the domain,
 * as well as by the pages: a CUSTOMER or SUPPORT user is refused whatever calls the function.
 */
export function assertOfficer(actor: Actor): asserts actor is Actor & { id: string } {
  if (actor.kind !== "STAFF" || !actor.id || !actor.role || !hasRole(actor.role, "PRIVACY_OFFICER")) {
    throw new AppError("FORBIDDEN", "privacy officer role required", { userMessage: "forbidden" });
  }
}
