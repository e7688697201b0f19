"use server";

import { revalidatePath } from "next/cache";
import { toActionResult } from "@/lib/action-result";
import { actorFor, requirePerson } from "@/lib/auth/guards";
import { openRectificationRequest } from "@/lib/requests/open-rectification-request";

export async function reportOrganisationAction(values: { organizationId: string; description: string }) {
  const user = await requirePerson();
  const actor = await actorFor(user, "PERSON");
  const result = await toActionResult(async () => {
    await openRectificationRequest({ actor, personId: user.personId, input: values });
    return { opened: true };
  });
  if (result.ok) revalidatePath("/activity");
  return result;
}
