"use server";

import { revalidatePath } from "next/cache";
import { toActionResult } from "@/lib/action-result";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { mergePersons } from "@/lib/identity/merge-persons";
import type { MergePersonsInput } from "@/lib/identity/schemas";
import { parseActionId } from "@/lib/parse-action-id";
import { recordPersonView } from "@/lib/persons/record-person-view";

// Each action checks the role itself; the domain checks it again with the actor.

/** Opens two candidate duplicates side by side: both looks are audited together (identity resolution). PRIVACY_OFFICER and up. */
export async function compareDuplicatesAction(ids: [string, string]) {
  const actor = await actorFor(await requireStaff("PRIVACY_OFFICER"), "STAFF");
  if (!Array.isArray(ids) || ids.length !== 2) return { ok: false as const, message: "personNotFound" };
  return toActionResult(async () => {
    await recordPersonView({ actor, personId: ids.map((id) => parseActionId(id)), input: { reasonCode: "identity_resolution" } });
  });
}

/** Merges the duplicate into the survivor with the chosen values. PRIVACY_OFFICER and up. */
export async function mergePersonsAction(values: MergePersonsInput) {
  const actor = await actorFor(await requireStaff("PRIVACY_OFFICER"), "STAFF");
  const result = await toActionResult(async () => {
    const merged = await mergePersons({ actor, input: values });
    return { survivorId: merged.survivorId };
  });
  if (result.ok) revalidatePath("/admin/duplicates");
  return result;
}
