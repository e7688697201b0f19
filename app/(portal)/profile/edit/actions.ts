"use server";

import { revalidatePath } from "next/cache";
import { toActionResult } from "@/lib/action-result";
import { actorFor, requirePerson } from "@/lib/auth/guards";
import { correctPerson } from "@/lib/persons/correct-person";
import type { ProfileCorrectionInput } from "@/lib/persons/schemas";

/** The person corrects their own data; the person is always the session's, never the form's. */
export async function correctProfileAction(values: ProfileCorrectionInput) {
  const user = await requirePerson();
  const actor = await actorFor(user, "PERSON");
  const result = await toActionResult(() => correctPerson({ actor, personId: user.personId, input: values, source: "PERSON" }));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
