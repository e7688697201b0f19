import { actorFor, requireStaff } from "@/lib/auth/guards";
import { exportAuditEntries } from "@/lib/audit/export-audit-entries";
import { csvDownloadResponse } from "@/lib/csv/csv-download-response";

// GET /admin/audit/export?personId=&actor=&action=&from=&to= — the filtered audit entries as CSV, streamed. PRIVACY_OFFICER and up.
export async function GET(request: Request) {
  const user = await requireStaff("PRIVACY_OFFICER");
  const filter = Object.fromEntries(new URL(request.url).searchParams);
  const stamp = new Date().toISOString().slice(0, 10);
  return csvDownloadResponse(async () => exportAuditEntries({ actor: await actorFor(user, "STAFF"), filter }), `audit-${stamp}.csv`);
}
