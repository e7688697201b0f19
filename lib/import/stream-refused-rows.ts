import { defusedCsvField } from "../csv/csv-field";
import type { PrismaClient } from "../db/generated/client";

const BATCH = 2000;

/**
 * An import's refused rows as CSV lines (line in the file, column, reason) after `header`,
 * ordered by line and read a batch at a time; cells formula-defused, as they are opened in
 * spreadsheets. The back-office report and the Imports API differ only in header and wording.
 */
export async function* streamRefusedRows(prisma: PrismaClient, jobId: string, header: string, reason: (code: string) => string): AsyncGenerator<string> {
  yield header;
  let after: string | undefined;
  for (;;) {
    const rows = await prisma.importRowError.findMany({
      where: { jobId },
      orderBy: [{ row: "asc" }, { id: "asc" }],
      take: BATCH,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      select: { id: true, row: true, column: true, reason: true },
    });
    if (rows.length === 0) return;
    yield rows.map((r) => `${[r.row, r.column, reason(r.reason)].map(defusedCsvField).join(",")}\r\n`).join("");
    after = rows[rows.length - 1]!.id;
    if (rows.length < BATCH) return;
  }
}
