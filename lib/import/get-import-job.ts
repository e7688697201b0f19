import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { AppError } from "../errors";
import { assertStaffRole } from "../staff/assert-staff-role";
import { importMappingSchema } from "./schemas";

export const IMPORT_ERRORS_SHOWN = 500;

/**
 * An import's progress and report: status, how far through the file (percent of bytes), rows
 * created, matched, suppressed and refused, and the refused rows with their reasons (the first
 * 500 here; all in the CSV report). ADMIN only.
 */
export async function getImportJob({ actor, jobId }: { actor: Actor; jobId: string }) {
  assertStaffRole(actor, "ADMIN");
  const prisma = await db();
  const job = await prisma.importJob.findUnique({
    where: { id: jobId },
    include: { file: { select: { id: true, fileName: true, sizeBytes: true, columns: true } } },
  });
  if (!job) throw new AppError("NOT_FOUND", "import not found", { userMessage: "jobNotFound" });
  const errors = await prisma.importRowError.findMany({ where: { jobId }, orderBy: [{ row: "asc" }, { id: "asc" }], take: IMPORT_ERRORS_SHOWN, select: { row: true, column: true, reason: true } });
  const finished = job.status === "COMPLETED";
  return {
    id: job.id, status: job.status, dryRun: job.dryRun, system: job.system, mapping: importMappingSchema.parse(job.mapping), failure: job.failure,
    file: job.file,
    percent: finished ? 100 : job.file.sizeBytes ? Math.min(99, Math.floor((job.byteOffset / job.file.sizeBytes) * 100)) : 0,
    processedRows: job.processedRows, createdRows: job.createdRows, matchedRows: job.matchedRows, suppressedRows: job.suppressedRows,
    errorRows: job.errorRows, consentsRecorded: job.consentsRecorded,
    createdAt: job.createdAt, startedAt: job.startedAt, finishedAt: job.finishedAt,
    errors,
  };
}

export type ImportJobView = Awaited<ReturnType<typeof getImportJob>>;
