import type { Actor } from "../audit/actor";
import { AppError } from "../errors";
import { assertStaffRole } from "../staff/assert-staff-role";

/**
 * Who may upload and queue imports: an ADMIN in the back-office, or a connected system calling
 * the Imports API with a key that has `imports:write`. Anyone else is refused.
 */
export function assertImportActor(actor: Actor): void {
  if (actor.kind === "SYSTEM") {
    if (actor.id && actor.scopes?.includes("imports:write")) return;
    throw new AppError("FORBIDDEN", "imports:write scope required", { userMessage: "forbidden" });
  }
  assertStaffRole(actor, "ADMIN");
}
