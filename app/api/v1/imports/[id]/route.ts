import { apiRoutes } from "@/lib/api/api-routes";
import { withApiKey } from "@/lib/api/with-api-key";
import { getImportStatus } from "@/lib/import/get-import-status";

// GET /api/v1/imports/{id} — an import's state and counts, for the system that queued it.
export const GET = withApiKey({
  ...apiRoutes.getImport,
  handler: async ({ principal, params }) => ({ status: 200, body: await getImportStatus({ systemId: principal.systemId, jobId: (params as { id: string }).id }) }),
});
