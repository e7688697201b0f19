import type { PrismaClient } from "../db/generated/client";

export type ImportEncoding = "utf-8" | "windows-1252";

/**
 * How a stored file's bytes are to be read: UTF-8 (with or without a BOM) when every chunk is
 * valid UTF-8, else windows-1252, what older Excel writes as "CSV (semicolon)". Reads the chunks
 * one at a time; a character split across two chunks is still valid (streamed decoding).
 */
export async function detectImportEncoding(prisma: Pick<PrismaClient, "importFileChunk">, fileId: string): Promise<ImportEncoding> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for (let index = 0; ; index += 1) {
      const chunk = await prisma.importFileChunk.findUnique({ where: { fileId_index: { fileId, index } }, select: { content: true } });
      if (!chunk) break;
      decoder.decode(chunk.content, { stream: true });
    }
    decoder.decode();
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}
