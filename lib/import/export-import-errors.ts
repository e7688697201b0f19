import type { Actor } from "../audit/actor";
import { defusedCsvField } from "../csv/csv-field";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locales";
import { translatorFor } from "../i18n/messages";
import { assertStaffRole } from "../staff/assert-staff-role";
import { streamRefusedRows } from "./stream-refused-rows";

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
  const header = `\uFEFF${[t("line"), t("column"), t("reason")].map(defusedCsvField).join(",")}\r\n`;
  return streamRefusedRows(prisma, jobId, header, reason);
}
