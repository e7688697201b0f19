import { workerActor } from "../audit/actor";
import { Prisma, type PrismaClient } from "../db/generated/client";
import { runChange } from "../changes/run-change";

/**
 * Deletes the files of exports past their expiry (a bounded batch per pass); the row stays as
 * the record that it existed and was downloaded N times. Answers how many expired.
 */
export async function expireDataExports(prisma: PrismaClient, now: Date, limit = 50): Promise<number> {
  return runChange(
    workerActor(),
    async (tx) => {
      const candidates = await tx.dataExport.findMany({ where: { status: "READY", expiresAt: { lte: now } }, take: limit, select: { id: true } });
      if (candidates.length === 0) return { result: 0, audit: [] };
      // Workers side by side: each expires (and audits) only the rows it locked.
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "DataExport" WHERE "id" IN (${Prisma.join(candidates.map((c) => c.id))}) FOR UPDATE SKIP LOCKED`;
      const due = await tx.dataExport.findMany({
        where: { id: { in: locked.map((l) => l.id) }, status: "READY" },
        select: { id: true, requestId: true, request: { select: { personId: true } } },
      });
      if (due.length === 0) return { result: 0, audit: [] };
      await tx.dataExport.updateMany({ where: { id: { in: due.map((d) => d.id) }, status: "READY" }, data: { status: "EXPIRED", content: null } });
      return {
        result: due.length,
        audit: due.map((d) => ({ action: "export.expired", personId: d.request.personId, target: `DataExport:${d.id}`, details: { dataRequestId: d.requestId } })),
      };
    },
    { now, prisma },
  );
}
