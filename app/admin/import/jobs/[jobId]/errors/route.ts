import { actorFor, requireStaff } from "@/lib/auth/guards";
import { csvDownloadResponse } from "@/lib/csv/csv-download-response";
import { exportImportErrors } from "@/lib/import/export-import-errors";

// GET /admin/import/jobs/{jobId}/errors — every refused row of an import as CSV. ADMIN only.
export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const user = await requireStaff("ADMIN");
  const { jobId } = await params;
  return csvDownloadResponse(async () => exportImportErrors({ actor: await actorFor(user, "STAFF"), jobId }), `import-${jobId}-errors.csv`);
}
