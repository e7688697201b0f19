import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";
import { parseOrThrow } from "../validation/parse-or-throw";
import { assertStaffRole } from "./assert-staff-role";
import { assertAdminRemains } from "./change-staff-role";
import { removeStaffSchema } from "./schemas";

/**
 * Takes the back-office away from a staff member: their user stays as a customer (their own
 * data and portal sign-in are untouched), and the role takes effect on their next request.
 * Audited as `staff.removed`. ADMIN only; not oneself, and never the last admin.
 */
export async function removeStaff({ actor, input, now }: { actor: Actor; input: unknown; now?: Date }) {
  assertStaffRole(actor, "ADMIN");
  const { userId } = parseOrThrow(removeStaffSchema, input, { what: "removal" });
  if (userId === actor.id) throw new AppError("CONFLICT", "own role", { userMessage: "ownRole" });
  return runChange(
    actor,
    async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, personId: true } });
      if (!user || user.role === "CUSTOMER") throw new AppError("NOT_FOUND", "not staff", { userMessage: "staffNotFound" });
      if (user.role === "ADMIN") await assertAdminRemains(tx, userId, "CUSTOMER");
      await tx.user.update({ where: { id: userId }, data: { role: "CUSTOMER" } });
      return {
        result: { userId, removed: true },
        audit: { action: "staff.removed", personId: user.personId, target: `User:${userId}`, details: { userId, from: user.role, to: "CUSTOMER" } },
      };
    },
    { now },
  );
}
