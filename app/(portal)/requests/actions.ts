"use server";

import { revalidatePath } from "next/cache";
import { toActionResult } from "@/lib/action-result";
import { actorFor, requirePerson } from "@/lib/auth/guards";
import { parseActionId } from "@/lib/parse-action-id";
import { cancelDataRequest } from "@/lib/requests/cancel-data-request";
import { requestObjection } from "@/lib/requests/request-objection";
import { requestRectification } from "@/lib/requests/request-rectification";
import { requestRestriction } from "@/lib/requests/request-restriction";
import type { ObjectionInput, RectificationInput, RestrictionInput } from "@/lib/requests/schemas";

// Every request is the session's person's own: the person id never comes from the form.

export async function requestRectificationAction(values: RectificationInput) {
  const user = await requirePerson();
  const actor = await actorFor(user, "PERSON");
  const input = { ...values, organizationId: values?.organizationId || undefined };
  const result = await toActionResult(async () => ({ id: (await requestRectification({ actor, personId: user.personId, input })).id }));
  revalidatePath("/requests");
  return result;
}

export async function requestRestrictionAction(values: RestrictionInput) {
  const user = await requirePerson();
  const actor = await actorFor(user, "PERSON");
  const result = await toActionResult(async () => ({ id: (await requestRestriction({ actor, personId: user.personId, input: values })).id }));
  revalidatePath("/requests");
  return result;
}

export async function requestObjectionAction(values: ObjectionInput) {
  const user = await requirePerson();
  const actor = await actorFor(user, "PERSON");
  const result = await toActionResult(async () => ({ id: (await requestObjection({ actor, personId: user.personId, input: values })).id }));
  revalidatePath("/requests");
  return result;
}

export async function cancelRequestAction(requestId: string) {
  const user = await requirePerson();
  const actor = await actorFor(user, "PERSON");
  const result = await toActionResult(async () => {
    await cancelDataRequest({ actor, personId: user.personId, requestId: parseActionId(requestId) });
    return { cancelled: true };
  });
  revalidatePath("/requests");
  return result;
}
