import { workerActor } from "../audit/actor";
import type { PrismaClient } from "../db/generated/client";
import { runChange } from "../changes/run-change";

/** After this long untouched, an upload or a dry-run file no one imported is abandoned. */
export const ABANDONED_IMPORT_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the stored chunks of files untouched for 24 hours (uploaded or last run before then,
 * no run queued or running), so an abandoned export's personal data does not linger. The file's
 * row (name, columns) stays for the report. Audited as `import.chunks_swept` when it deleted any.
 */
export async function sweepImportChunks(prisma: PrismaClient, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - ABANDONED_IMPORT_MS).toISOString();
  const abandoned = (tx: Pick<PrismaClient, "$queryRaw">) => tx.$queryRaw<{ id: string }[]>`
        SELECT f."id" FROM "ImportFile" f
        WHERE f."createdAt" < ${cutoff}::timestamp
          AND EXISTS (SELECT 1 FROM "ImportFileChunk" c WHERE c."fileId" = f."id")
          AND NOT EXISTS (
            SELECT 1 FROM "ImportJob" j
            WHERE j."fileId" = f."id" AND (j."status" IN ('QUEUED', 'RUNNING') OR j."updatedAt" >= ${cutoff}::timestamp)
          )`;
  // Most ticks find nothing: look first, open a change transaction only when there is work.
  if ((await abandoned(prisma)).length === 0) return 0;
  return runChange(
    workerActor(),
    async (tx) => {
      const files = await abandoned(tx);
      if (files.length === 0) return { result: 0, audit: [] };
      const { count } = await tx.importFileChunk.deleteMany({ where: { fileId: { in: files.map((f) => f.id) } } });
      return { result: files.length, audit: { action: "import.chunks_swept", target: "ImportFile", details: { files: files.length, chunks: count } } };
    },
    { prisma, now },
  );
}
