import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";
import { assertImportActor } from "./assert-import-actor";
import { detectCsvHeader } from "./detect-csv-header";
import { detectImportEncoding } from "./detect-import-encoding";
import { IMPORT_CHUNK_BYTES, MAX_IMPORT_BYTES } from "./schemas";

/**
 * Completes an upload: checks the parts (no gaps, only the last one short), reads the header row
 * (delimiter, column names) for the mapping, and records the size. Audited as
 * `import.file_uploaded`. A file that is empty, too big or has no readable header is refused and
 * removed. ADMIN, or a connected system with imports:write.
 */
export async function finishImportUpload({ actor, fileId }: { actor: Actor; fileId: string }) {
  assertImportActor(actor);
  const prisma = await db();
  const chunks = await prisma.$queryRaw<{ index: number; size: number }[]>`
    SELECT "index", octet_length("content") AS size FROM "ImportFileChunk" WHERE "fileId" = ${fileId} ORDER BY "index"`;
  const size = chunks.reduce((n, c) => n + Number(c.size), 0);
  const refuse = async (message: string) => {
    await prisma.importFile.delete({ where: { id: fileId } }).catch(() => {});
    return new AppError("VALIDATION", message, { userMessage: message });
  };
  if (chunks.some((c, i) => c.index !== i || (i < chunks.length - 1 && Number(c.size) !== IMPORT_CHUNK_BYTES))) throw await refuse("uploadFailed");
  if (size > MAX_IMPORT_BYTES) throw await refuse("fileTooLarge");
  const first = chunks.length ? await prisma.importFileChunk.findUnique({ where: { fileId_index: { fileId, index: 0 } }, select: { content: true } }) : null;
  const encoding = await detectImportEncoding(prisma, fileId);
  const header = first ? detectCsvHeader(Buffer.from(first.content).subarray(0, 64 * 1024), encoding) : null;
  if (!header) throw await refuse("headerInvalid");
  return runChange(actor, async (tx) => {
    const done = await tx.importFile.updateMany({ where: { id: fileId, sizeBytes: 0 }, data: { sizeBytes: size, columns: header.columns, delimiter: header.delimiter, encoding } });
    if (done.count === 0) throw new AppError("NOT_FOUND", "no upload in progress", { userMessage: "uploadFailed" });
    return {
      result: { fileId, sizeBytes: size, columns: header.columns, delimiter: header.delimiter, encoding },
      audit: { action: "import.file_uploaded", target: `ImportFile:${fileId}`, details: { fileId, sizeBytes: size, columns: header.columns.length } },
    };
  });
}
