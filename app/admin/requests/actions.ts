"use server";

import { revalidatePath } from "next/cache";
import { toActionResult } from "@/lib/action-result";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import { parseActionId } from "@/lib/parse-action-id";
import { addRequestNote } from "@/lib/requests/add-request-note";
import { approveDataRequest } from "@/lib/requests/approve-data-request";
import { assignDataRequest } from "@/lib/requests/assign-data-request";
import { createRequestOnBehalf } from "@/lib/requests/create-request-on-behalf";
import { denyDataRequest } from "@/lib/requests/deny-data-request";
import { extendDataRequest } from "@/lib/requests/extend-data-request";
import { fulfilDataRequest } from "@/lib/requests/fulfil-data-request";
import { liftRestriction } from "@/lib/requests/lift-restriction";

// Every officer action checks the role itself (a layout guard does not protect actions), and the
// domain checks it again with the actor.

async function officer() {
  return actorFor(await requireStaff("PRIVACY_OFFICER"), "STAFF");
}

function done<T>(requestId: unknown, result: T) {
  revalidatePath(`/admin/requests/${parseActionId(requestId)}`);
  revalidatePath("/admin/requests");
  return result;
}

export async function createRequestOnBehalfAction(values: unknown) {
  const actor = await officer();
  const result = await toActionResult(async () => ({ id: (await createRequestOnBehalf({ actor, input: values })).id }));
  revalidatePath("/admin/requests");
  return result;
}

export async function assignRequestAction(values: { requestId: string; assigneeId: string | null }) {
  const actor = await officer();
  return done(values?.requestId, await toActionResult(() => assignDataRequest({ actor, input: { ...values, assigneeId: values?.assigneeId || null } })));
}

export async function addRequestNoteAction(values: { requestId: string; note: string }) {
  const actor = await officer();
  return done(values?.requestId, await toActionResult(() => addRequestNote({ actor, input: values })));
}

export async function approveRequestAction(values: { requestId: string; note?: string }) {
  const actor = await officer();
  return done(values?.requestId, await toActionResult(() => approveDataRequest({ actor, input: { ...values, note: values?.note || undefined } })));
}

export async function denyRequestAction(values: { requestId: string; reason: string; restrictInstead?: boolean }) {
  const actor = await officer();
  return done(values?.requestId, await toActionResult(() => denyDataRequest({ actor, input: values })));
}

export async function extendRequestAction(values: { requestId: string; months: number; reason: string }) {
  const actor = await officer();
  return done(values?.requestId, await toActionResult(() => extendDataRequest({ actor, input: values })));
}

export async function fulfilRequestAction(values: { requestId: string; note?: string }) {
  const actor = await officer();
  return done(values?.requestId, await toActionResult(() => fulfilDataRequest({ actor, input: { ...values, note: values?.note || undefined } })));
}

export async function liftRestrictionAction(values: { requestId: string; reason: string }) {
  const actor = await officer();
  return done(values?.requestId, await toActionResult(() => liftRestriction({ actor, input: values })));
}
