import { actorFor, requireStaff } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors";
import { exportImportErrors } from "@/lib/import/export-import-errors";

// GET /admin/import/jobs/{jobId}/errors — every refused row of an import as CSV. ADMIN only.
export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  const user = await requireStaff("ADMIN");
  const { jobId } = await params;
  let lines: AsyncGenerator<string>;
  try {
    lines = await exportImportErrors({ actor: await actorFor(user, "STAFF"), jobId });
  } catch (error) {
    if (isAppError(error)) return new Response(error.options.userMessage ?? error.code, { status: error.status });
    throw error;
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await lines.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
  });
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="import-${jobId}-errors.csv"`, "cache-control": "no-store" },
  });
}
