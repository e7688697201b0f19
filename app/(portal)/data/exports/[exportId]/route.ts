// GET /data/exports/{exportId} — the person's own "Download my data" ZIP, while signed in as
// that person and until it expires; each download is audited (getDataExportDownload).
import { actorFor, getSessionUser } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors";
import { describeError, log } from "@/lib/log";
import { getDataExportDownload } from "@/lib/requests/get-data-export-download";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ exportId: string }> }) {
  const user = await getSessionUser();
  if (!user) return new Response(null, { status: 303, headers: { Location: "/signin" } });
  if (!user.personId) return new Response("Forbidden", { status: 403 });
  const { exportId } = await params;
  try {
    const actor = await actorFor(user, "PERSON");
    const file = await getDataExportDownload({ actor, personId: user.personId, exportId: exportId.slice(0, 64) });
    return new Response(new Uint8Array(file.content), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Content-Length": String(file.content.byteLength),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isAppError(error)) return new Response(error.options.userMessage ?? error.code, { status: error.status });
    log.error("export.download_failed", describeError(error));
    return new Response("Error", { status: 500 });
  }
}
