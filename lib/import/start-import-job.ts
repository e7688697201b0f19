import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { assertStaffRole } from "../staff/assert-staff-role";
import { parseOrThrow } from "../validation/parse-or-throw";
import { queueImportJob } from "./queue-import-job";
import { startImportSchema, type StartImportInput } from "./schemas";

/**
 * Queues a dry run (the validation report only) or the import of an uploaded file with a column
 * mapping, all or nothing unless keepValidRows; the worker runs it (runImportPass). The mapped
 * columns must be in the file and the mapped purposes must take consents now; the mapping is
 * saved as the source's preset. Audited as `import.queued`. ADMIN only.
 */
export async function startImportJob({ actor, input, now }: { actor: Actor; input: StartImportInput | unknown; now?: Date }) {
  assertStaffRole(actor, "ADMIN");
  // Full paths: the mapping form puts "mapping.fields.<target>" on that target's column.
  const { fileId, dryRun, system, mapping, keepValidRows } = parseOrThrow(startImportSchema, input, { userMessage: "invalidImport", what: "import", paths: "full" });
  return runChange(
    actor,
    async (tx) => {
      const { jobId, audit } = await queueImportJob(tx, { fileId, dryRun, system, mapping, keepValidRows, createdById: actor.id, requestedBySystemId: null });
      return { result: { jobId }, audit };
    },
    { now },
  );
}
