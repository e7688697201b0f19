import type { Actor } from "../audit/actor";
import { defusedCsvField } from "../csv/csv-field";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locales";
import { translatorFor } from "../i18n/messages";
import { assertStaffRole } from "../staff/assert-staff-role";

const BATCH = 2000;

/**
 * Every refused row of an import as CSV (line in the file, column, reason in the reader's
 * language), ordered by line, a batch at a time; cells formula-defused for spreadsheets. ADMIN only.
 */
export async function exportImportErrors({ actor, jobId, locale }: { actor: Actor; jobId: string; locale: Locale }): Promise<AsyncGenerator<string>> {
  assertStaffRole(actor, "ADMIN");
  const prisma = await db();
  if (!(await prisma.importJob.findUnique({ where: { id: jobId }, select: { id: true } }))) throw new AppError("NOT_FOUND", "import not found", { userMessage: "jobNotFound" });
  const t = translatorFor(locale, "importer") as unknown as { (key: string): string; has(key: string): boolean };
  const reason = (code: string) => (t.has(`reasons.${code}`) ? t(`reasons.${code}`) : t("reasonUnknown"));
  async function* lines() {
    yield `\uFEFF${[t("line"), t("column"), t("reason")].map(defusedCsvField).join(",")}\r\n`;
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
      yield rows.map((r) => `${[r.row, r.column ?? "", reason(r.reason)].map(defusedCsvField).join(",")}\r\n`).join("");
      after = rows[rows.length - 1]!.id;
      if (rows.length < BATCH) return;
    }
  }
  return lines();
}
