import { actorFor, requireStaff } from "@/lib/auth/guards";
import { isAppError } from "@/lib/errors";
import { appendImportChunk } from "@/lib/import/append-import-chunk";
import { IMPORT_CHUNK_BYTES } from "@/lib/import/schemas";

// PUT /admin/import/upload/{fileId}/{index} — part `index` of the file (at most 1 MiB) as the body. ADMIN only.
export async function PUT(request: Request, { params }: { params: Promise<{ fileId: string; index: string }> }) {
  const user = await requireStaff("ADMIN");
  const { fileId, index } = await params;
  if (Number(request.headers.get("content-length") ?? 0) > IMPORT_CHUNK_BYTES) return Response.json({ message: "uploadFailed" }, { status: 413 });
  try {
    const content = new Uint8Array(await request.arrayBuffer());
    return Response.json(await appendImportChunk({ actor: await actorFor(user, "STAFF"), fileId, index: Number(index), content }));
  } catch (error) {
    if (isAppError(error)) return Response.json({ message: error.options.userMessage ?? "invalid" }, { status: error.status });
    throw error;
  }
}
