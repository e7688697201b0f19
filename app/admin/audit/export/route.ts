import { actorFor, requireStaff } from "@/lib/auth/guards";
import { exportAuditEntries } from "@/lib/audit/export-audit-entries";
import { isAppError } from "@/lib/errors";

// GET /admin/audit/export?personId=&actor=&action=&from=&to= — the filtered audit entries as CSV, streamed. PRIVACY_OFFICER and up.
export async function GET(request: Request) {
  const user = await requireStaff("PRIVACY_OFFICER");
  const filter = Object.fromEntries(new URL(request.url).searchParams);
  let lines: AsyncGenerator<string>;
  try {
    lines = await exportAuditEntries({ actor: await actorFor(user, "STAFF"), filter });
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
    async cancel() {
      await lines.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}
