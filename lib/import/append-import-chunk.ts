import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { AppError } from "../errors";
import { assertImportActor } from "./assert-import-actor";
import { IMPORT_CHUNK_BYTES, MAX_IMPORT_BYTES } from "./schemas";

/**
 * Adds part `index` (0, 1, 2, …; every part but the last exactly 1 MiB) to an upload that is not
 * finished yet. Sending a part again replaces it (a retry after a lost answer). ADMIN, or a
 * connected system with imports:write.
 */
export async function appendImportChunk({ actor, fileId, index, content }: { actor: Actor; fileId: string; index: number; content: Uint8Array }) {
  assertImportActor(actor);
  if (!Number.isInteger(index) || index < 0 || content.length === 0 || content.length > IMPORT_CHUNK_BYTES) {
    throw new AppError("VALIDATION", "bad part", { userMessage: "uploadFailed" });
  }
  if ((index + 1) * IMPORT_CHUNK_BYTES > MAX_IMPORT_BYTES + IMPORT_CHUNK_BYTES) throw new AppError("VALIDATION", "file too large", { userMessage: "fileTooLarge" });
  const prisma = await db();
  const file = await prisma.importFile.findUnique({ where: { id: fileId }, select: { sizeBytes: true, _count: { select: { chunks: true } } } });
  if (!file || file.sizeBytes > 0) throw new AppError("NOT_FOUND", "no upload in progress", { userMessage: "uploadFailed" });
  if (index > file._count.chunks) throw new AppError("CONFLICT", "parts out of order", { userMessage: "uploadFailed" });
  const data = new Uint8Array(content);
  await prisma.importFileChunk.upsert({ where: { fileId_index: { fileId, index } }, create: { fileId, index, content: data }, update: { content: data } });
  return { fileId, index };
}
