import { db } from "../db/client";

/** Users who can be assigned requests: privacy officers and admins. */
export async function findOfficers() {
  return (await db()).user.findMany({ where: { role: { in: ["PRIVACY_OFFICER", "ADMIN"] } }, orderBy: { email: "asc" }, select: { id: true, email: true, role: true } });
}
