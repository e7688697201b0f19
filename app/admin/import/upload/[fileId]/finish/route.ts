import { actorFor, requireStaff } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors";
import { finishImportUpload } from "@/lib/import/finish-import-upload";

// POST /admin/import/upload/{fileId}/finish — completes the upload and reads the header row. Answers {fileId, columns}. ADMIN only.
export async function POST(_request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  const user = await requireStaff("ADMIN");
  const { fileId } = await params;
  try {
    const { columns } = await finishImportUpload({ actor: await actorFor(user, "STAFF"), fileId });
    return Response.json({ fileId, columns });
  } catch (error) {
    if (isAppError(error)) return Response.json({ message: error.options.userMessage ?? "invalid" }, { status: error.status });
    throw error;
  }
}
