import type { PrismaClient } from "../db/generated/client";

/**
 * Gives back deliveries this worker claimed but did not start (it is stopping): they are due
 * again at once, for any worker, and the claim does not count as a try.
 */
export async function releaseDeliveries(prisma: PrismaClient, ids: string[], workerId: string): Promise<number> {
  if (ids.length === 0) return 0;
  return prisma.$executeRaw`
    UPDATE "Delivery" SET "status" = 'PENDING', "leaseUntil" = NULL, "leasedBy" = NULL, "attempts" = "attempts" - 1
    WHERE "id" = ANY(${ids}) AND "status" = 'IN_FLIGHT' AND "leasedBy" = ${workerId}`;
}
