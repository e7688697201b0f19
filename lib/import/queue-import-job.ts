import type { AuditInput } from "../audit/append-audit-entry";
import type { Tx } from "../db/types";
import { AppError } from "../errors";
import { enqueueJob } from "../queue/enqueue-job";
import { importPassJob } from "./import-worker-job";
import { loadImportPurposes } from "./load-import-purposes";
import type { ImportMapping } from "./schemas";

export interface QueueImportJobInput {
  fileId: string;
  dryRun: boolean;
  /** The source system's key, e.g. "crm". */
  system: string;
  mapping: ImportMapping;
  keepValidRows: boolean;
  /** Exactly one of the two: the staff member, or the connected system calling the Imports API. */
  createdById: string | null;
  requestedBySystemId: string | null;
}

/**
 * The one way a job is queued (with its pass on the queue), inside the caller's change transaction (back-office and Imports
 * API alike): the mapped columns must be in the file and the mapped purposes must take consents
 * now. The mapping becomes the source's preset, offered for its next file. Answers the job id and
 * the `import.queued` audit entry. Problems are thrown as VALIDATION with `fields`: target → key
 * ("email", "consents.<purposeKey>").
 */
export async function queueImportJob(tx: Tx, input: QueueImportJobInput): Promise<{ jobId: string; audit: AuditInput }> {
  const { fileId, dryRun, system, mapping, keepValidRows } = input;
  const file = await tx.importFile.findUnique({ where: { id: fileId }, select: { id: true, columns: true, sizeBytes: true } });
  if (!file || file.sizeBytes === 0) throw new AppError("NOT_FOUND", "file not found", { userMessage: "fileNotFound" });
  const fields: Record<string, string> = {};
  const targets = [...Object.entries(mapping.fields), ...Object.entries(mapping.consents).map(([k, c]) => [`consents.${k}`, c] as const)];
  for (const [target, column] of targets) {
    if (column && !file.columns.includes(column)) fields[target] = "columnMissing";
  }
  const purposes = await loadImportPurposes(tx, Object.keys(mapping.consents));
  for (const key of Object.keys(mapping.consents)) if (!purposes.has(key)) fields[`consents.${key}`] = "purposeUnavailable";
  if (Object.keys(fields).length) throw new AppError("VALIDATION", "mapping does not fit the file", { userMessage: "invalidImport", fields });
  const job = await tx.importJob.create({
    data: { fileId, dryRun, system, mapping, keepValidRows, createdById: input.createdById, requestedBySystemId: input.requestedBySystemId },
    select: { id: true },
  });
  await enqueueJob(tx, importPassJob(job.id));
  await tx.importMappingPreset.upsert({
    where: { system },
    create: { system, mapping, updatedById: input.createdById },
    update: { mapping, updatedById: input.createdById },
  });
  return {
    jobId: job.id,
    audit: {
      action: "import.queued",
      target: `ImportJob:${job.id}`,
      details: { fileId, dryRun, keepValidRows, system, fields: Object.keys(mapping.fields), purposes: Object.keys(mapping.consents), ...(input.requestedBySystemId ? { api: true } : {}) },
    },
  };
}
