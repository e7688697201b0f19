import type { Actor } from "../audit/actor";
import type { Role } from "../db/generated/enums";
import { runChange } from "../changes/run-change";
import type { Tx } from "../db/types";
import { AppError } from "../errors";
import { parseOrThrow } from "../validation/parse-or-throw";
import { assertStaffRole } from "./assert-staff-role";
import { changeStaffRoleSchema } from "./schemas";

/** Refuses to leave the back-office without an admin. */
export async function assertAdminRemains(tx: Tx, userId: string, newRole: Role) {
  if (newRole === "ADMIN") return;
  const others = await tx.user.count({ where: { role: "ADMIN", id: { not: userId } } });
  if (others === 0) throw new AppError("CONFLICT", "last admin", { userMessage: "lastAdmin" });
}

/** Changes a staff member's role; takes effect on their next request. Audited as `staff.role_changed`. ADMIN only. */
export async function changeStaffRole({ actor, input, now }: { actor: Actor; input: unknown; now?: Date }) {
  assertStaffRole(actor, "ADMIN");
  const { userId, role } = parseOrThrow(changeStaffRoleSchema, input, { what: "role change" });
  if (userId === actor.id) throw new AppError("CONFLICT", "own role", { userMessage: "ownRole" });
  return runChange(
    actor,
    async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, personId: true } });
      if (!user || user.role === "CUSTOMER") throw new AppError("NOT_FOUND", "not staff", { userMessage: "staffNotFound" });
      if (user.role === role) return { result: { userId, role, changed: false }, audit: [] };
      if (user.role === "ADMIN") await assertAdminRemains(tx, userId, role);
      await tx.user.update({ where: { id: userId }, data: { role } });
      return {
        result: { userId, role, changed: true },
        audit: { action: "staff.role_changed", personId: user.personId, target: `User:${userId}`, details: { userId, from: user.role, to: role } },
      };
    },
    { now },
  );
}
