import { db } from "../db/client";

/** The person's exports, newest first, with progress while building (no file contents). */
export async function findPersonExports(personId: string, now = new Date()) {
  const rows = await (await db()).dataExport.findMany({
    where: { request: { personId } },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { id: true, requestId: true, status: true, progress: true, sizeBytes: true, readyAt: true, expiresAt: true, createdAt: true, downloads: true },
  });
  return rows.map((r) => ({ ...r, status: r.status === "READY" && r.expiresAt && r.expiresAt <= now ? ("EXPIRED" as const) : r.status }));
}
