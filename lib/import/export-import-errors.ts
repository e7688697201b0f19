import type { Actor } from "../audit/actor";
import { defusedCsvField } from "../csv/csv-field";
import { db } from "../db/client";
import { AppError } from "../errors";
import { assertStaffRole } from "../staff/assert-staff-role";

const BATCH = 2000;

/** An import's refused rows as CSV (row, column, reason), a batch at a time. ADMIN only. */
export async function exportImportErrors({ actor, jobId }: { actor: Actor; jobId: string }): Promise<AsyncGenerator<string>> {
  assertStaffRole(actor, "ADMIN");
  const prisma = await db();
  if (!(await prisma.importJob.findUnique({ where: { id: jobId }, select: { id: true } }))) throw new AppError("NOT_FOUND", "import not found", { userMessage: "jobNotFound" });
  async function* lines() {
    yield "\uFEFFrow,column,reason\r\n";
    let after: string | undefined;
    for (;;) {
      const rows = await prisma.importRowError.findMany({
        where: { jobId },
        orderBy: { id: "asc" },
        take: BATCH,
        ...(after ? { cursor: { id: after }, skip: 1 } : {}),
        select: { id: true, row: true, column: true, reason: true },
      });
      if (rows.length === 0) return;
      yield rows.map((r) => `${[r.row, r.column, r.reason].map(defusedCsvField).join(",")}\r\n`).join("");
      after = rows[rows.length - 1]!.id;
      if (rows.length < BATCH) return;
    }
  }
  return lines();
}
