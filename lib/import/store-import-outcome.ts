import type { AuditInput } from "../audit/append-audit-entry";
import type { Tx } from "../db/types";
import type { ImportCounts } from "./apply-import-batch";
import type { RowProblem } from "./validate-import-row";

export interface ImportOutcome {
  job: { id: string; fileId: string; dryRun: boolean; system: string };
  /** Data records read (the header not counted). */
  rows: number;
  counts: ImportCounts;
  refused: RowProblem[];
  /** Why nothing was kept: "rowsRefused", "malformedCsv", "internal"; null when it ran through. */
  failure: string | null;
  /** Whether the rows were written. */
  committed: boolean;
}

/**
 * Ends a running import with its outcome, inside the caller's transaction: the counters (what the
 * file did, or would have done), the refused rows, the status (a dry run or a kept import
 * COMPLETED, anything rolled back FAILED), and a real run's stored chunks deleted, so the file's
 * personal data does not linger. Answers the `import.completed` / `import.failed` audit entry, or
 * null when the job is no longer this worker's (cancelled: its chunks go too).
 */
export async function storeImportOutcome(tx: Tx, outcome: ImportOutcome, { workerId, at }: { workerId: string; at: Date }): Promise<AuditInput | null> {
  const { job, counts, failure } = outcome;
  const status = failure ? "FAILED" : "COMPLETED";
  const totals = {
    processedRows: outcome.rows, createdRows: counts.created, matchedRows: counts.matched, suppressedRows: counts.suppressed, errorRows: counts.refused,
    consentsGranted: counts.consentsGranted, consentsWithdrawn: counts.consentsWithdrawn, consentsRecorded: counts.consentsGranted + counts.consentsWithdrawn,
    organisationsCreated: counts.organisationsCreated, organisationsMatched: counts.organisationsMatched, membershipsCreated: counts.membershipsCreated, duplicateCandidates: counts.duplicateCandidates,
  };
  const done = await tx.importJob.updateMany({
    where: { id: job.id, status: "RUNNING", leasedBy: workerId },
    data: { ...totals, status, failure, committed: outcome.committed, finishedAt: at, leasedBy: null, leaseUntil: null },
  });
  if (done.count === 0) {
    const cancelled = await tx.importJob.count({ where: { id: job.id, status: "CANCELLED" } });
    if (cancelled && !job.dryRun) await tx.importFileChunk.deleteMany({ where: { fileId: job.fileId } });
    return null;
  }
  await tx.importRowError.deleteMany({ where: { jobId: job.id } });
  if (outcome.refused.length) await tx.importRowError.createMany({ data: outcome.refused.map((p) => ({ jobId: job.id, ...p })) });
  if (!job.dryRun) await tx.importFileChunk.deleteMany({ where: { fileId: job.fileId } });
  return {
    action: status === "COMPLETED" ? "import.completed" : "import.failed",
    target: `ImportJob:${job.id}`,
    details: { dryRun: job.dryRun, system: job.system, committed: outcome.committed, ...totals, ...(failure ? { failure } : {}) },
  };
}
