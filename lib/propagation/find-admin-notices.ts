import { db } from "../db/client";

/** Open notices for the admins (e.g. a system disabled for failing), newest first. */
export async function findAdminNotices() {
  return (await db()).adminNotice.findMany({
    where: { resolvedAt: null },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, kind: true, details: true, createdAt: true, system: { select: { id: true, name: true } } },
  });
}
