import { getLocale } from "next-intl/server";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { csvDownloadResponse } from "@/lib/csv/csv-download-response";
import { exportImportErrors } from "@/lib/import/export-import-errors";
import { defaultLocale, isLocale } from "@/lib/i18n/locales";

// GET /admin/import/jobs/{jobId}/errors — every refused row of an import as CSV, reasons in the reader's language. ADMIN only.
export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const user = await requireStaff("ADMIN");
  const { jobId } = await params;
  const locale = await getLocale();
  return csvDownloadResponse(
    async () => exportImportErrors({ actor: await actorFor(user, "STAFF"), jobId, locale: isLocale(locale) ? locale : defaultLocale }),
    `import-${jobId}-refused-rows.csv`,
  );
}
