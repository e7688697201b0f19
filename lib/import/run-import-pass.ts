import { parse } from "csv-parse";
import type { Actor } from "../audit/actor";
import type { AuditInput } from "../audit/append-audit-entry";
import type { PrismaClient } from "../db/generated/client";
import { runChange } from "../changes/run-change";
import { describeError, log } from "../log";
import { applyImportBatch, newImportFileState, type ImportBatchJob } from "./apply-import-batch";
import { claimImportJob, IMPORT_TIMEOUT_MS } from "./claim-import-job";
import { loadImportPurposes } from "./load-import-purposes";
import { openImportStream } from "./open-import-stream";
import { importMappingSchema } from "./schemas";
import { storeImportOutcome, type ImportOutcome } from "./store-import-outcome";
import { validateImportRow, type ImportRow, type RowProblem } from "./validate-import-row";

export interface ImportPassOptions {
  prisma: PrismaClient;
  workerId: string;
  now?: Date;
  /** Rows per bulk write inside the file's one transaction. */
  batchRows?: number;
  /** The worker is stopping: the file's transaction is rolled back and the job queued again. */
  signal?: AbortSignal;
  /** Runs this import (its queue job names it); without it, the oldest one waiting. */
  importJobId?: string;
}

/** Thrown to roll the file's transaction back once its outcome is known (dry run, refusal, failure). */
class RollBack extends Error {
  constructor(readonly why: "outcome" | "cancelled" | "stopped") {
    super(`import rolled back: ${why}`);
  }
}

/**
 * Runs one queued import to its end, in ONE change transaction: the whole file or nothing. Every
 * row is validated and applied in batches inside it (a dry run runs the very same code), so later
 * rows see the persons earlier rows created. At the end the transaction is committed only for a
 * real run with no refused row (or keepValidRows) and no failure; otherwise it is rolled back
 * and the counts and refused rows, which say what the file would have done, are stored in a
 * second short transaction. A real run's stored chunks are deleted when it ends either way.
 * Answers true when it ran a job (another may be waiting).
 */
export async function runImportPass({ prisma, workerId, now = new Date(), batchRows = 500, signal, importJobId }: ImportPassOptions): Promise<boolean> {
  const jobId = await claimImportJob(prisma, workerId, now, importJobId ?? null);
  if (!jobId) return false;
  const job = await prisma.importJob.findUniqueOrThrow({ where: { id: jobId }, include: { file: { select: { id: true, columns: true, delimiter: true, encoding: true } } } });
  const mapping = importMappingSchema.parse(job.mapping);
  const actor: Actor = job.requestedBySystemId ? { kind: "SYSTEM", id: job.requestedBySystemId } : { kind: "STAFF", id: job.createdById, role: "ADMIN" };
  const state = newImportFileState();
  const refused: RowProblem[] = [];
  const outcome: ImportOutcome = { job: { id: jobId, fileId: job.file.id, dryRun: job.dryRun, system: job.system }, rows: 0, counts: state.counts, refused, failure: null, committed: false };
  const columns = new Map(job.file.columns.map((c, i) => [c, i]));
  // Progress is written beside the file's transaction, on another connection: PostgreSQL only
  // (PGlite has one connection, and a write there would wait for the transaction to end).
  const [{ version }] = await prisma.$queryRaw<[{ version: string }]>`SELECT version() AS version`;
  const showProgress = !version.includes("PGlite");
  let bytesRead = 0;

  try {
    await runChange(actor, async (tx, at) => {
      const purposes = await loadImportPurposes(tx, Object.keys(mapping.consents));
      const system = await tx.connectedSystem.findUnique({ where: { key: job.system }, select: { id: true } });
      const batchJob: ImportBatchJob = { id: jobId, system: job.system, mapping, connectedSystemId: system?.id ?? null };
      const audit: AuditInput[] = [];
      let batch: ImportRow[] = [];
      const flush = async () => {
        if (signal?.aborted) throw new RollBack("stopped");
        const applied = await applyImportBatch(tx, { rows: batch, job: batchJob, actor, purposes, now: at, state });
        refused.push(...applied.problems);
        audit.push(...applied.audit);
        batch = [];
        if (showProgress) {
          await prisma.importJob.updateMany({ where: { id: jobId, status: "RUNNING", leasedBy: workerId }, data: { processedRows: outcome.rows, byteOffset: bytesRead } });
        }
      };

      const source = openImportStream(tx, job.file.id, 0, job.file.encoding);
      // A record that cannot be read stops the file: records parsed before it still count (the
      // report says what the file would have done), nothing after it is read.
      let parsed = 0;
      let malformedAfter: number | null = null;
      const parser = parse({
        delimiter: job.file.delimiter, bom: true, relax_column_count: true, skip_records_with_error: true,
        on_record: (record: string[]) => ((parsed += 1), record),
      });
      parser.on("skip", () => (malformedAfter ??= parsed));
      source.on("error", (error) => parser.destroy(error));
      source.on("data", (chunk: Buffer) => (bytesRead += chunk.length));
      source.pipe(parser);
      let consumed = 0;
      let header = true;
      /** The line the next record starts on. Counted from the cells: a quoted multi-line cell keeps its line breaks. */
      let nextLine = 1;
      try {
        for await (const record of parser as AsyncIterable<string[]>) {
          if (malformedAfter !== null && consumed >= malformedAfter) break;
          consumed += 1;
          const line = nextLine;
          nextLine += 1 + record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
          if (record.length === 1 && record[0] === "") continue; // a blank line
          if (header) {
            header = false;
            continue;
          }
          outcome.rows += 1;
          const checked = validateImportRow(record, line, columns, mapping, columns.size, at);
          if (Array.isArray(checked)) {
            refused.push(...checked);
            state.counts.refused += 1;
            continue;
          }
          batch.push(checked);
          if (batch.length >= batchRows) await flush();
        }
        if (batch.length) await flush();
      } finally {
        parser.destroy();
        source.destroy();
      }
      // No header: the file's chunks are gone (a real run already ended and deleted them).
      if (header && malformedAfter === null) outcome.failure = "fileGone";
      else if (malformedAfter !== null) {
        outcome.failure = "malformedCsv";
        refused.push({ row: nextLine, column: null, reason: "malformedCsv" });
        state.counts.refused += 1;
      }

      if (job.dryRun || outcome.failure || (refused.length && !job.keepValidRows)) {
        if (!job.dryRun && !outcome.failure) outcome.failure = "rowsRefused";
        throw new RollBack("outcome");
      }
      outcome.committed = true;
      const stored = await storeImportOutcome(tx, outcome, { workerId, at });
      if (!stored) throw new RollBack("cancelled");
      return { result: undefined, audit: [...audit, stored] };
    }, { prisma, timeoutMs: IMPORT_TIMEOUT_MS });
    return true;
  } catch (error) {
    outcome.committed = false;
    if (error instanceof RollBack && error.why === "stopped") {
      await prisma.importJob.updateMany({ where: { id: jobId, status: "RUNNING", leasedBy: workerId }, data: { status: "QUEUED", leasedBy: null, leaseUntil: null } });
      return false;
    }
    if (!(error instanceof RollBack)) {
      // Kind and code only: a database error about a customer file may quote the row's values.
      log.error("import.failed", { importJobId: jobId, error: describeError(error).error, code: (error as { code?: unknown }).code ?? null });
      outcome.failure = "internal";
    }
  }
  await runChange(actor, async (tx, at) => {
    const stored = await storeImportOutcome(tx, outcome, { workerId, at });
    return { result: undefined, audit: stored ? [stored] : [] };
  }, { prisma });
  return true;
}
