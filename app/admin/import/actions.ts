"use server";

import { revalidatePath } from "next/cache";
import { toActionResult } from "@/lib/action-result";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { cancelImportJob } from "@/lib/import/cancel-import-job";
import type { StartImportInput } from "@/lib/import/schemas";
import { startImportJob } from "@/lib/import/start-import-job";
import { parseActionId } from "@/lib/parse-action-id";

// Imports are run by admins: each action checks the role, and the domain checks it again.

/** Queues a dry run or the import of an uploaded file with its column mapping. */
export async function startImportAction(values: StartImportInput) {
  const actor = await actorFor(await requireStaff("ADMIN"), "STAFF");
  const result = await toActionResult(() => startImportJob({ actor, input: values }));
  if (result.ok) revalidatePath("/admin/import");
  return result;
}

export async function cancelImportAction(jobId: string) {
  const actor = await actorFor(await requireStaff("ADMIN"), "STAFF");
  const result = await toActionResult(() => cancelImportJob({ actor, jobId: parseActionId(jobId) }));
  if (result.ok) revalidatePath(`/admin/import/jobs/${jobId}`);
  return result;
}
