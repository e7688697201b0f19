// Staff users and their actors for back-office tests, with unique emails.
import type { Actor } from "@/lib/audit/actor";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/generated/enums";
import { uniqueEmail } from "./persons";

export const backOfficeRoles: Role[] = ["CUSTOMER", "SUPPORT", "PRIVACY_OFFICER", "ADMIN"];

/** A user with the role, and the actor a back-office page would pass for them. */
export async function createStaff(prisma: PrismaClient, role: Role) {
  const user = await prisma.user.create({ data: { email: uniqueEmail(role.toLowerCase()), role } });
  const actor: Actor = { kind: "STAFF", id: user.id, role };
  return { user, actor };
}

/** An actor with the role that is not backed by a user row (domain checks read the actor only). */
export const staffActor = (role: Role, id = `staff-${role.toLowerCase()}`): Actor => ({ kind: "STAFF", id, role });
