import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { AppError } from "../errors";
import { appendImportChunk } from "./append-import-chunk";
import { beginImportUpload } from "./begin-import-upload";
import { finishImportUpload } from "./finish-import-upload";
import { IMPORT_CHUNK_BYTES, MAX_IMPORT_BYTES } from "./schemas";

/**
 * Stores a CSV file from a stream (a script, a test, a server-side upload): cut into the same
 * 1 MiB parts the browser sends, one part in memory at a time. ADMIN, or a connected system with
 * imports:write (the Imports API). A refused or failed upload leaves nothing behind.
 */
export async function storeImportFile({ actor, fileName, body }: { actor: Actor; fileName: string; body: AsyncIterable<Uint8Array> | Iterable<Uint8Array> }) {
  const { fileId } = await beginImportUpload({ actor, fileName });
  try {
    let pending = Buffer.alloc(0);
    let index = 0;
    let size = 0;
    for await (const piece of body) {
      size += piece.length;
      if (size > MAX_IMPORT_BYTES) throw new AppError("VALIDATION", "file too large", { userMessage: "fileTooLarge" });
      pending = pending.length ? Buffer.concat([pending, piece]) : Buffer.from(piece);
      while (pending.length >= IMPORT_CHUNK_BYTES) {
        await appendImportChunk({ actor, fileId, index: index++, content: pending.subarray(0, IMPORT_CHUNK_BYTES) });
        pending = pending.subarray(IMPORT_CHUNK_BYTES);
      }
    }
    if (pending.length) await appendImportChunk({ actor, fileId, index, content: pending });
    return await finishImportUpload({ actor, fileId });
  } catch (error) {
    await (await db()).importFile.delete({ where: { id: fileId } }).catch(() => {});
    throw error;
  }
}
