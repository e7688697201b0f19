import { parse } from "csv-parse";
import type { Actor } from "../audit/actor";
import type { PrismaClient } from "../db/generated/client";
import { runChange } from "../db/run-change";
import { describeError, log } from "../log";
import { applyImportBatch, type ImportBatchJob } from "./apply-import-batch";
import { claimImportJob, IMPORT_LEASE_MS } from "./claim-import-job";
import { loadImportPurposes } from "./load-import-purposes";
import { openImportStream } from "./open-import-stream";
import { importMappingSchema } from "./schemas";
import { validateImportRow, type ImportRow, type RowProblem } from "./validate-import-row";

export interface ImportPassOptions {
  prisma: PrismaClient;
  workerId: string;
  now?: Date;
  /** Rows per transaction (and per progress update). */
  batchRows?: number;
  /** A pass stops after this long (at a batch end), so the worker's other jobs get their turn. */
  budgetMs?: number;
  /** The worker is stopping: finish the batch in hand and leave the rest to the next pass. */
  signal?: AbortSignal;
}

class LeaseLost extends Error {}

/**
 * One pass of the import worker: claims a job, streams its file from where the last pass
 * stopped, and imports (or, for a dry run, checks) it a batch at a time. Each batch is one
 * change transaction that also moves the job's progress (offset, row counts) and records the
 * refused rows, so progress is visible while it runs and a crashed worker's successor resumes
 * exactly after the last committed batch. Answers true when work is left for the next pass.
 */
export async function runImportPass({ prisma, workerId, now = new Date(), batchRows = 500, budgetMs = 3000, signal }: ImportPassOptions): Promise<boolean> {
  const jobId = await claimImportJob(prisma, workerId, now);
  if (!jobId) return false;
  const job = await prisma.importJob.findUniqueOrThrow({ where: { id: jobId }, include: { file: { select: { id: true, columns: true, delimiter: true } } } });
  const mapping = importMappingSchema.parse(job.mapping);
  const actor: Actor = { kind: "STAFF", id: job.createdById, role: "ADMIN" };
  const system = await prisma.connectedSystem.findUnique({ where: { key: job.system }, select: { id: true } });
  const batchJob: ImportBatchJob = { id: job.id, system: job.system, dryRun: job.dryRun, mapping, connectedSystemId: system?.id ?? null };
  const purposes = await loadImportPurposes(prisma, Object.keys(mapping.consents));
  const columns = new Map(job.file.columns.map((c, i) => [c, i]));
  const started = Date.now();

  let row = job.processedRows + 1; // the header is row 1
  let batch: { record: string[]; row: number }[] = [];
  /** Where the file continues after the last row read (csv-parse counts bytes from the stream's start). */
  let endOfBatch = job.byteOffset;

  const flush = async () => {
    const valid: ImportRow[] = [];
    const problems: RowProblem[] = [];
    for (const item of batch) {
      const checked = validateImportRow(item.record, item.row, columns, mapping, columns.size);
      if (Array.isArray(checked)) problems.push(...checked);
      else valid.push(checked);
    }
    const invalidRows = new Set(problems.map((p) => p.row)).size;
    const rows = batch.length;
    await runChange(actor, async (tx, at) => {
      const outcome = await applyImportBatch(tx, { rows: valid, job: batchJob, actor, purposes, now: at });
      const refused = [...problems, ...outcome.problems];
      if (refused.length) await tx.importRowError.createMany({ data: refused.map((p) => ({ jobId, ...p })) });
      const moved = await tx.importJob.updateMany({
        where: { id: jobId, status: "RUNNING", leasedBy: workerId },
        data: {
          byteOffset: endOfBatch,
          processedRows: { increment: rows },
          createdRows: { increment: outcome.counts.created },
          matchedRows: { increment: outcome.counts.matched },
          suppressedRows: { increment: outcome.counts.suppressed },
          errorRows: { increment: invalidRows + outcome.counts.errors },
          consentsRecorded: { increment: outcome.counts.consents },
          leaseUntil: new Date(at.getTime() + IMPORT_LEASE_MS),
        },
      });
      // Cancelled, or another worker took over: this batch is not ours to commit.
      if (moved.count === 0) throw new LeaseLost();
      return { result: undefined, audit: outcome.audit };
    }, { prisma });
    batch = [];
  };

  const parser = openImportStream(prisma, job.file.id, job.byteOffset).pipe(
    parse({ delimiter: job.file.delimiter, bom: true, info: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true }),
  );
  let skipHeader = job.byteOffset === 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
      if (skipHeader) {
        skipHeader = false;
        endOfBatch = info.bytes;
        continue;
      }
      batch.push({ record, row: ++row });
      endOfBatch = job.byteOffset + info.bytes;
      if (batch.length < batchRows) continue;
      await flush();
      if (Date.now() - started >= budgetMs || signal?.aborted) return true;
    }
    if (batch.length) await flush();
    await finishImportJob(prisma, jobId, workerId, actor, "COMPLETED", null);
    return false;
  } catch (error) {
    if (error instanceof LeaseLost) return false;
    const malformed = (error as { code?: string }).code?.startsWith("CSV_");
    log.error("import.failed", { importJobId: jobId, ...describeError(error) });
    await finishImportJob(prisma, jobId, workerId, actor, "FAILED", malformed ? `malformedCsv:${row}` : "internal");
    return false;
  } finally {
    parser.destroy();
  }
}

async function finishImportJob(prisma: PrismaClient, jobId: string, workerId: string, actor: Actor, status: "COMPLETED" | "FAILED", failure: string | null) {
  await runChange(
    actor,
    async (tx, at) => {
      const done = await tx.importJob.updateMany({
        where: { id: jobId, status: "RUNNING", leasedBy: workerId },
        data: { status, failure, finishedAt: at, leasedBy: null, leaseUntil: null },
      });
      if (done.count === 0) return { result: undefined, audit: [] };
      const job = await tx.importJob.findUniqueOrThrow({ where: { id: jobId } });
      const counts = { rows: job.processedRows, created: job.createdRows, matched: job.matchedRows, suppressed: job.suppressedRows, errors: job.errorRows, consents: job.consentsRecorded };
      return {
        result: undefined,
        audit: { action: status === "COMPLETED" ? "import.completed" : "import.failed", target: `ImportJob:${jobId}`, details: { dryRun: job.dryRun, system: job.system, ...counts, ...(failure ? { failure } : {}) } },
      };
    },
    { prisma },
  );
}
