"use server";

import { revalidatePath } from "next/cache";
import { toActionResult } from "@/lib/action-result";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { parseActionId } from "@/lib/parse-action-id";
import { correctPersonAsStaff } from "@/lib/persons/correct-person-as-staff";
import { recordPersonView } from "@/lib/persons/record-person-view";
import type { PersonViewInput, StaffCorrectionFormInput } from "@/lib/persons/schemas";

// Each action checks the role itself (the layout does not protect actions); the domain checks again.

/** Opens a person's record with the stated reason (audited as person.viewed). SUPPORT and up. */
export async function openPersonAction(personId: string, values: PersonViewInput) {
  const actor = await actorFor(await requireStaff("SUPPORT"), "STAFF");
  const result = await toActionResult(async () => {
    await recordPersonView({ actor, personId: parseActionId(personId), input: values });
  });
  if (result.ok) revalidatePath(`/admin/persons/${personId}`);
  return result;
}

/** Corrects a person's data on their behalf, with a reason (source STAFF). SUPPORT and up. */
export async function correctPersonAction(personId: string, values: StaffCorrectionFormInput) {
  const actor = await actorFor(await requireStaff("SUPPORT"), "STAFF");
  const { reason, ...input } = values ?? ({} as StaffCorrectionFormInput);
  const result = await toActionResult(() => correctPersonAsStaff({ actor, personId: parseActionId(personId), input, reason }));
  if (result.ok) revalidatePath(`/admin/persons/${personId}`);
  return result;
}
