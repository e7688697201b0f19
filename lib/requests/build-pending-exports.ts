import { Prisma, type PrismaClient } from "../db/generated/client";
import { runChange } from "../changes/run-change";
import { workerActor } from "../audit/actor";
import { describeError, log } from "../log";
import { buildDataExport } from "./build-data-export";

export const EXPORT_BATCH = 2;
/** A claim older than this belongs to a worker that stopped: another may take the export over. */
export const EXPORT_LEASE_MS = 10 * 60 * 1000;
export const EXPORT_MAX_ATTEMPTS = 3;

/** Claims up to `limit` exports to build, with FOR UPDATE SKIP LOCKED so workers never share one. */
async function claimExports(prisma: PrismaClient, now: Date, workerId: string, limit: number) {
  const claimable = { OR: [{ status: "PENDING" as const }, { status: "BUILDING" as const, claimedAt: { lt: new Date(now.getTime() - EXPORT_LEASE_MS) } }] };
  return prisma.$transaction(async (tx) => {
    const candidates = await tx.dataExport.findMany({ where: claimable, orderBy: { createdAt: "asc" }, take: limit, select: { id: true } });
    if (candidates.length === 0) return [];
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "DataExport" WHERE "id" IN (${Prisma.join(candidates.map((c) => c.id))}) FOR UPDATE SKIP LOCKED`;
    // Re-read under the lock: another worker may have claimed one between the two queries.
    const claimed = await tx.dataExport.findMany({ where: { id: { in: locked.map((l) => l.id) }, ...claimable }, select: { id: true, attempts: true } });
    if (claimed.length === 0) return [];
    await tx.dataExport.updateMany({
      where: { id: { in: claimed.map((c) => c.id) } },
      data: { status: "BUILDING", claimedBy: workerId, claimedAt: now, attempts: { increment: 1 }, progress: 0 },
    });
    return claimed.map((c) => ({ id: c.id, attempt: c.attempts + 1 }));
  });
}

/** After a failed build: try again on the next pass, or give up (FAILED, visible to officers). */
async function recordFailure(prisma: PrismaClient, exportId: string, attempt: number, workerId: string, now: Date) {
  const failed = attempt >= EXPORT_MAX_ATTEMPTS;
  await runChange(
    workerActor(workerId),
    async (tx) => {
      const exp = await tx.dataExport.update({ where: { id: exportId }, data: { status: failed ? "FAILED" : "PENDING", claimedBy: null, claimedAt: null }, select: { requestId: true, request: { select: { personId: true } } } });
      return {
        result: undefined,
        audit: failed ? { action: "export.failed", personId: exp.request.personId, target: `DataExport:${exportId}`, details: { dataRequestId: exp.requestId, attempts: attempt } } : [],
      };
    },
    { now, prisma },
  );
}

/** The export job: claims and builds a bounded batch. Answers how many it claimed. */
export async function buildPendingExports(prisma: PrismaClient, now: Date, workerId: string, limit = EXPORT_BATCH): Promise<number> {
  const claimed = await claimExports(prisma, now, workerId, limit);
  for (const { id, attempt } of claimed) {
    try {
      await buildDataExport(prisma, { exportId: id, workerId }, now);
    } catch (error) {
      log.error("export.build_failed", { dataExportId: id, attempt, ...describeError(error) });
      await recordFailure(prisma, id, attempt, workerId, now).catch((e) => log.error("export.failure_not_recorded", { dataExportId: id, ...describeError(e) }));
    }
  }
  return claimed.length;
}
