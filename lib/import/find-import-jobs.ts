import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { assertStaffRole } from "../staff/assert-staff-role";

/** The latest uploads with their runs, newest first. ADMIN only. */
export async function findImportJobs({ actor, take = 20 }: { actor: Actor; take?: number }) {
  assertStaffRole(actor, "ADMIN");
  return (await db()).importFile.findMany({
    where: { sizeBytes: { gt: 0 } },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true, fileName: true, sizeBytes: true, createdAt: true,
      jobs: { orderBy: { createdAt: "desc" }, select: { id: true, dryRun: true, status: true, processedRows: true, errorRows: true, createdAt: true, finishedAt: true } },
    },
  });
}
