import { actorFor, requireStaff } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors";
import { beginImportUpload } from "@/lib/import/begin-import-upload";

// POST /admin/import/upload {"fileName"} — starts an upload; the file follows in 1 MiB parts. Answers {fileId}. ADMIN only.
export async function POST(request: Request) {
  const user = await requireStaff("ADMIN");
  const body = (await request.json().catch(() => ({}))) as { fileName?: unknown };
  try {
    return Response.json(await beginImportUpload({ actor: await actorFor(user, "STAFF"), fileName: String(body.fileName ?? "") }), { status: 201 });
  } catch (error) {
    if (isAppError(error)) return Response.json({ message: error.options.userMessage ?? "invalid" }, { status: error.status });
    throw error;
  }
}
