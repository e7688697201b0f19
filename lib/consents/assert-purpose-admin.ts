import type { Actor } from "../audit/actor";
import { hasRole } from "../auth/roles";
import { AppError } from "../errors";

/**
 * Purposes and their texts are managed by admins (and by seeds and scripts acting as SYSTEM).
 * The back-office checks too; this keeps the domain safe when called from somewhere new.
 */
export function assertPurposeAdmin(actor: Actor): void {
  if (actor.kind === "SYSTEM" || actor.kind === "WORKER") return;
  if (actor.kind === "STAFF" && actor.role && hasRole(actor.role, "ADMIN")) return;
  throw new AppError("FORBIDDEN", "only admins manage purposes", { userMessage: "forbidden" });
}
