import { db } from "../db/client";
import { AppError } from "../errors";
import { translatorFor } from "../i18n/messages";
import { streamRefusedRows } from "./stream-refused-rows";

/**
 * The refused rows of an import queued by this connected system, as CSV lines `line,column,reason`
 * (line: the file's line number, header = 1; reason: an English sentence, the back-office's
 * wording), a batch at a time. Cells are formula-defused: they are read in spreadsheets.
 */
export async function exportRefusedRows({ systemId, jobId }: { systemId: string; jobId: string }): Promise<AsyncGenerator<string>> {
  const prisma = await db();
  const job = await prisma.importJob.findFirst({ where: { id: jobId, requestedBySystemId: systemId }, select: { id: true } });
  if (!job) throw new AppError("NOT_FOUND", "No import with this id was queued by this system.", { userMessage: "jobNotFound" });
  const t = translatorFor("en", "importer") as unknown as { (key: string): string; has(key: string): boolean };
  const sentence = (code: string) => (t.has(`reasons.${code}`) ? t(`reasons.${code}`) : code);
  return streamRefusedRows(prisma, jobId, "line,column,reason\r\n", sentence);
}
