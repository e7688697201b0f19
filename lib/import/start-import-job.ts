import type { Actor } from "../audit/actor";
import { runChange } from "../db/run-change";
import { AppError } from "../errors";
import { assertStaffRole } from "../staff/assert-staff-role";
import { loadImportPurposes } from "./load-import-purposes";
import { startImportSchema, type StartImportInput } from "./schemas";

/**
 * Queues a dry run (the validation report only) or the import of an uploaded file with a column
 * mapping; the worker runs it (runImportPass). The mapped columns must be in the file and the
 * mapped purposes must take consents now. Audited as `import.queued`. ADMIN only.
 */
export async function startImportJob({ actor, input, now }: { actor: Actor; input: StartImportInput | unknown; now?: Date }) {
  assertStaffRole(actor, "ADMIN");
  const parsed = startImportSchema.safeParse(input);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
    throw new AppError("VALIDATION", "invalid import", { userMessage: "invalidImport", fields });
  }
  const { fileId, dryRun, system, mapping } = parsed.data;
  return runChange(
    actor,
    async (tx) => {
      const file = await tx.importFile.findUnique({ where: { id: fileId }, select: { id: true, columns: true, sizeBytes: true } });
      if (!file || file.sizeBytes === 0) throw new AppError("NOT_FOUND", "file not found", { userMessage: "fileNotFound" });
      const fields: Record<string, string> = {};
      for (const [target, column] of [...Object.entries(mapping.fields), ...Object.entries(mapping.consents).map(([k, c]) => [`consents.${k}`, c] as const)]) {
        if (column && !file.columns.includes(column)) fields[target] = "columnMissing";
      }
      const purposes = await loadImportPurposes(tx, Object.keys(mapping.consents));
      for (const key of Object.keys(mapping.consents)) if (!purposes.has(key)) fields[`consents.${key}`] = "purposeUnavailable";
      if (Object.keys(fields).length) throw new AppError("VALIDATION", "mapping does not fit the file", { userMessage: "invalidImport", fields });
      const job = await tx.importJob.create({ data: { fileId, dryRun, system, mapping, createdById: actor.id }, select: { id: true } });
      return {
        result: { jobId: job.id },
        audit: {
          action: "import.queued",
          target: `ImportJob:${job.id}`,
          details: { fileId, dryRun, system, fields: Object.keys(mapping.fields), purposes: Object.keys(mapping.consents) },
        },
      };
    },
    { now },
  );
}
