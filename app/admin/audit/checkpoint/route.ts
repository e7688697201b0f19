import { actorFor, requireStaff } from "@/lib/auth/guards";
import { getAuditSealStatus } from "@/lib/audit/get-audit-seal-status";

// GET /admin/audit/checkpoint — the latest signed checkpoint (a C2SP signed note), for `npm run audit:verify`. PRIVACY_OFFICER and up.
export async function GET() {
  const user = await requireStaff("PRIVACY_OFFICER");
  const { checkpoint } = await getAuditSealStatus({ actor: await actorFor(user, "STAFF") });
  if (!checkpoint) return new Response(null, { status: 404 });
  return new Response(checkpoint.note, {
    headers: { "content-type": "text/plain; charset=utf-8", "content-disposition": `attachment; filename="audit-checkpoint-${checkpoint.size}.txt"`, "cache-control": "no-store" },
  });
}
