import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { assertStaffRole } from "./assert-staff-role";

/** Every user with a staff role, admins first, with when they last signed in. ADMIN only. */
export async function findStaff({ actor }: { actor: Actor }) {
  assertStaffRole(actor, "ADMIN");
  const prisma = await db();
  const users = await prisma.user.findMany({
    where: { role: { in: ["SUPPORT", "PRIVACY_OFFICER", "ADMIN"] } },
    orderBy: [{ role: "desc" }, { email: "asc" }],
    select: { id: true, email: true, role: true, createdAt: true, sessions: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } } },
  });
  return users.map(({ sessions, ...u }) => ({ ...u, lastSignInAt: sessions[0]?.createdAt ?? null, isSelf: u.id === actor.id }));
}
