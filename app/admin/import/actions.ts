"use server";

import { revalidatePath } from "next/cache";
import { toActionResult } from "@/lib/action-result";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { cancelImportJob } from "@/lib/import/cancel-import-job";
import { getImportFile } from "@/lib/import/get-import-file";
import { getImportMappingPreset } from "@/lib/import/get-import-mapping-preset";
import type { StartImportInput } from "@/lib/import/schemas";
import { startImportJob } from "@/lib/import/start-import-job";
import { parseActionId } from "@/lib/parse-action-id";
import { initialMapping } from "./[fileId]/initial-mapping";

// Imports are run by admins: each action checks the role, and the domain checks it again.

/** Queues a dry run or the import of an uploaded file with its column mapping. */
export async function startImportAction(values: StartImportInput) {
  const actor = await actorFor(await requireStaff("ADMIN"), "STAFF");
  const result = await toActionResult(() => startImportJob({ actor, input: values }));
  if (result.ok) revalidatePath("/admin/import");
  return result;
}

/** The mapping saved for a source system, fitted to this file's columns (null when none applies): offered when the source is changed. */
export async function loadMappingPresetAction(fileId: string, system: string) {
  const actor = await actorFor(await requireStaff("ADMIN"), "STAFF");
  return toActionResult(async () => {
    const file = await getImportFile({ actor, fileId: parseActionId(fileId) });
    const preset = await getImportMappingPreset({ actor, columns: file.columns, system: parseActionId(system) });
    if (!preset) return null;
    return { ...initialMapping({ columns: file.columns, purposes: file.purposeTitles, systems: file.systems, last: null, preset }), kept: preset.kept, saved: preset.saved, updatedAt: preset.updatedAt.toISOString() };
  });
}

export async function cancelImportAction(jobId: string) {
  const actor = await actorFor(await requireStaff("ADMIN"), "STAFF");
  const result = await toActionResult(() => cancelImportJob({ actor, jobId: parseActionId(jobId) }));
  if (result.ok) revalidatePath(`/admin/import/jobs/${jobId}`);
  return result;
}
