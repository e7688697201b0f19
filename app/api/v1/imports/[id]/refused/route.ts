import { apiRoutes } from "@/lib/api/api-routes";
import { withApiKey } from "@/lib/api/with-api-key";
import { csvDownloadResponse } from "@/lib/csv/csv-download-response";
import { exportRefusedRows } from "@/lib/import/export-refused-rows";

// GET /api/v1/imports/{id}/refused — the refused rows as CSV (line, column, reason), streamed.
export const GET = withApiKey({
  ...apiRoutes.listRefusedImportRows,
  handler: async ({ principal, params }) => {
    const { id } = params as { id: string };
    // Called here, not inside the download, so an unknown id is a problem+json 404.
    const lines = await exportRefusedRows({ systemId: principal.systemId, jobId: id });
    return csvDownloadResponse(async () => lines, "import-refused.csv");
  },
});
