import { Readable } from "node:stream";
import type { PrismaClient } from "../db/generated/client";
import { IMPORT_CHUNK_BYTES } from "./schemas";

/** The stored file from `offset` on, read one chunk at a time: never the whole file in memory. */
export function openImportStream(prisma: PrismaClient, fileId: string, offset: number): Readable {
  async function* chunks() {
    let skip = offset % IMPORT_CHUNK_BYTES;
    for (let index = Math.floor(offset / IMPORT_CHUNK_BYTES); ; index += 1) {
      const chunk = await prisma.importFileChunk.findUnique({ where: { fileId_index: { fileId, index } }, select: { content: true } });
      if (!chunk) return;
      const bytes = Buffer.from(chunk.content);
      yield skip ? bytes.subarray(skip) : bytes;
      skip = 0;
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}
