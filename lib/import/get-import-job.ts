import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { AppError } from "../errors";
import { assertStaffRole } from "../staff/assert-staff-role";
import { importMappingSchema } from "./schemas";

/** Refused rows shown per page of the report; the CSV download has them all. */
export const IMPORT_ERRORS_PER_PAGE = 100;

/**
 * What became of a finished run, for the report's headline: a dry run writes nothing; an import
 * is all or nothing unless keepValidRows, so a refused row or a failure may have kept nothing.
 */
export type ImportOutcome = "running" | "dryRun" | "imported" | "importedValidRows" | "refusedNothingImported" | "stoppedNothingImported" | "stoppedPartly";

/**
 * An import's progress and report: status, outcome, how far through the file (percent of bytes),
 * every counter, and one page of the refused rows (line, column, reason key) ordered by line.
 * ADMIN only.
 */
export async function getImportJob({ actor, jobId, page = 1 }: { actor: Actor; jobId: string; page?: number }) {
  assertStaffRole(actor, "ADMIN");
  const prisma = await db();
  const job = await prisma.importJob.findUnique({
    where: { id: jobId },
    include: { file: { select: { id: true, fileName: true, sizeBytes: true, columns: true } } },
  });
  if (!job) throw new AppError("NOT_FOUND", "import not found", { userMessage: "jobNotFound" });
  const pages = Math.max(1, Math.ceil(job.errorRows / IMPORT_ERRORS_PER_PAGE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const errors = await prisma.importRowError.findMany({
    where: { jobId },
    orderBy: [{ row: "asc" }, { id: "asc" }],
    skip: (current - 1) * IMPORT_ERRORS_PER_PAGE,
    take: IMPORT_ERRORS_PER_PAGE,
    select: { row: true, column: true, reason: true },
  });
  const finished = job.status === "COMPLETED";
  return {
    id: job.id, status: job.status, dryRun: job.dryRun, system: job.system, mapping: importMappingSchema.parse(job.mapping), failure: job.failure,
    keepValidRows: job.keepValidRows, committed: job.committed, outcome: outcomeOf(job),
    file: job.file,
    percent: finished ? 100 : job.file.sizeBytes ? Math.min(99, Math.floor((job.byteOffset / job.file.sizeBytes) * 100)) : 0,
    processedRows: job.processedRows, createdRows: job.createdRows, matchedRows: job.matchedRows, errorRows: job.errorRows, suppressedRows: job.suppressedRows,
    organisationsCreated: job.organisationsCreated, organisationsMatched: job.organisationsMatched, membershipsCreated: job.membershipsCreated,
    consentsGranted: job.consentsGranted, consentsWithdrawn: job.consentsWithdrawn, duplicateCandidates: job.duplicateCandidates,
    createdAt: job.createdAt, startedAt: job.startedAt, finishedAt: job.finishedAt,
    errors, errorPage: current, errorPages: pages,
  };
}

function outcomeOf(job: { status: string; dryRun: boolean; committed: boolean; errorRows: number; failure: string | null }): ImportOutcome {
  if (job.status === "QUEUED" || job.status === "RUNNING") return "running";
  if (job.dryRun) return "dryRun";
  // All or nothing: the engine rolls the file back and fails the run when a row is refused.
  if (job.failure === "rowsRefused" && !job.committed) return "refusedNothingImported";
  if (job.status !== "COMPLETED") return job.committed ? "stoppedPartly" : "stoppedNothingImported";
  if (!job.committed) return "refusedNothingImported";
  return job.errorRows > 0 ? "importedValidRows" : "imported";
}

export type ImportJobView = Awaited<ReturnType<typeof getImportJob>>;
