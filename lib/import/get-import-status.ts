import { db } from "../db/client";
import { AppError } from "../errors";
import { importMappingSchema, type ApiImportMapping, type ImportMapping } from "./schemas";

/** The Imports API's four states: a cancelled import is a failed one (failure "cancelled"). */
const statuses = { QUEUED: "queued", RUNNING: "running", COMPLETED: "completed", FAILED: "failed", CANCELLED: "failed" } as const;

/**
 * An import as the Imports API reports it, to the connected system that queued it only (any
 * other id, including another system's import, is not found): its state, the mapping in the
 * API's header → target shape, and the report's counts.
 */
export async function getImportStatus({ systemId, jobId }: { systemId: string; jobId: string }) {
  const prisma = await db();
  const job = await prisma.importJob.findFirst({ where: { id: jobId, requestedBySystemId: systemId }, include: { file: { select: { columns: true } } } });
  if (!job) throw new AppError("NOT_FOUND", "No import with this id was queued by this system.", { userMessage: "jobNotFound" });
  return {
    id: job.id,
    status: statuses[job.status],
    dryRun: job.dryRun,
    keepValidRows: job.keepValidRows,
    committed: job.committed,
    source: job.system,
    mapping: toApiMapping(importMappingSchema.parse(job.mapping), job.file.columns),
    rows: job.processedRows,
    created: job.createdRows,
    matched: job.matchedRows,
    refused: job.errorRows,
    suppressed: job.suppressedRows,
    organisations: { created: job.organisationsCreated, matched: job.organisationsMatched },
    memberships: job.membershipsCreated,
    consents: { granted: job.consentsGranted, withdrawn: job.consentsWithdrawn },
    duplicateCandidates: job.duplicateCandidates,
    failure: job.status === "CANCELLED" ? "cancelled" : job.failure,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** Every column of the file, in order: the field or consent it fills, or "ignore". */
function toApiMapping(mapping: ImportMapping, columns: string[]): ApiImportMapping {
  const targets = new Map<string, string>();
  for (const [field, column] of Object.entries(mapping.fields)) if (column) targets.set(column, field);
  for (const [key, column] of Object.entries(mapping.consents)) targets.set(column, `consent:${key}`);
  return Object.fromEntries(columns.map((column) => [column, targets.get(column) ?? "ignore"])) as ApiImportMapping;
}
