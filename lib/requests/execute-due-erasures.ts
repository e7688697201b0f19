import type { PrismaClient } from "../db/generated/client";
import { describeError, log } from "../log";
import { executeErasure } from "./execute-erasure";

export const ERASURE_BATCH = 10;

/**
 * The erasure scheduler: runs up to `limit` erasures whose cooling-off period has ended, oldest
 * first, each in its own transaction. Answers how many were due (a full batch means more wait).
 */
export async function executeDueErasures(prisma: PrismaClient, now: Date, limit = ERASURE_BATCH): Promise<number> {
  const due = await prisma.dataRequest.findMany({
    where: { type: "ERASURE", status: { in: ["RECEIVED", "IN_PROGRESS"] }, scheduledFor: { lte: now } },
    orderBy: { scheduledFor: "asc" },
    take: limit,
    select: { id: true },
  });
  for (const { id } of due) {
    try {
      await executeErasure({ requestId: id }, { now, prisma });
    } catch (error) {
      log.error("erasure.failed", { dataRequestId: id, ...describeError(error) });
    }
  }
  return due.length;
}
