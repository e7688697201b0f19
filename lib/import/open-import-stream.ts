import { Readable } from "node:stream";
import type { Tx } from "../db/types";
import { IMPORT_CHUNK_BYTES } from "./schemas";

/**
 * The stored file from `offset` on as UTF-8, read one chunk at a time: never the whole file in
 * memory. A windows-1252 file (older Excel) is decoded on the way. Reads through `tx` when the
 * import runs inside its transaction (PGlite has one connection).
 */
export function openImportStream(tx: Pick<Tx, "importFileChunk">, fileId: string, offset: number, encoding = "utf-8"): Readable {
  const decoder = encoding === "utf-8" ? null : new TextDecoder(encoding);
  async function* chunks() {
    let skip = offset % IMPORT_CHUNK_BYTES;
    for (let index = Math.floor(offset / IMPORT_CHUNK_BYTES); ; index += 1) {
      const chunk = await tx.importFileChunk.findUnique({ where: { fileId_index: { fileId, index } }, select: { content: true } });
      if (!chunk) return;
      const bytes = Buffer.from(chunk.content);
      const part = skip ? bytes.subarray(skip) : bytes;
      skip = 0;
      // windows-1252 is one byte per character, so a chunk boundary never splits one.
      yield decoder ? Buffer.from(decoder.decode(part), "utf8") : part;
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}
