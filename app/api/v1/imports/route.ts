import { apiRoutes } from "@/lib/api/api-routes";
import { systemActor } from "@/lib/api/system-actor";
import { withApiKey } from "@/lib/api/with-api-key";
import { queueImportFromSystem } from "@/lib/import/queue-import-from-system";

// POST /api/v1/imports — a CSV export as multipart/form-data, queued for the import worker (202).
export const POST = withApiKey({
  ...apiRoutes.createImport,
  handler: async ({ principal, body, request }) => {
    const { jobId } = await queueImportFromSystem({
      actor: systemActor(principal, request),
      input: {
        fileName: body.file.name,
        file: body.file,
        mapping: body.mapping,
        source: body.source,
        dryRun: body.dryRun,
        keepValidRows: body.keepValidRows,
      },
    });
    return { status: 202, body: { id: jobId }, headers: { location: `/api/v1/imports/${jobId}` } };
  },
});
