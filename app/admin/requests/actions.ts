"use server";

import { z } from "zod";
import { idIn, untrusted } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { addRequestNote } from "@/lib/requests/add-request-note";
import { approveDataRequest } from "@/lib/requests/approve-data-request";
import { assignDataRequest } from "@/lib/requests/assign-data-request";
import { createRequestOnBehalf } from "@/lib/requests/create-request-on-behalf";
import { denyDataRequest } from "@/lib/requests/deny-data-request";
import { extendDataRequest } from "@/lib/requests/extend-data-request";
import { fulfilDataRequest } from "@/lib/requests/fulfil-data-request";
import { liftRestriction } from "@/lib/requests/lift-restriction";

// Every officer action checks the role (a layout guard does not protect actions), and the
// domain checks it again with the actor. The form values are parsed by the domain's schemas.

/** The request's page and the queue. */
const requestPaths = ([values]: [unknown]) => [`/admin/requests/${idIn(values, "requestId")}`, "/admin/requests"];

/** The form's empty choice of an optional field means none. */
const orNone = (values: unknown, key: string, none: null | undefined) =>
  values !== null && typeof values === "object" ? { ...values, [key]: (values as Record<string, unknown>)[key] || none } : values;

export const createRequestOnBehalfAction = defineAction({
  caller: "PRIVACY_OFFICER",
  args: z.tuple([z.unknown()]),
  handler: async ({ actor, args: [values] }) => ({ id: (await createRequestOnBehalf({ actor, input: values })).id }),
  revalidate: ["/admin/requests"],
});

export const assignRequestAction = defineAction({
  caller: "PRIVACY_OFFICER",
  args: z.tuple([untrusted<{ requestId: string; assigneeId: string | null }>()]),
  handler: ({ actor, args: [values] }) => assignDataRequest({ actor, input: orNone(values, "assigneeId", null) }),
  revalidate: requestPaths,
});

export const addRequestNoteAction = defineAction({
  caller: "PRIVACY_OFFICER",
  args: z.tuple([untrusted<{ requestId: string; note: string }>()]),
  handler: ({ actor, args: [values] }) => addRequestNote({ actor, input: values }),
  revalidate: requestPaths,
});

export const approveRequestAction = defineAction({
  caller: "PRIVACY_OFFICER",
  args: z.tuple([untrusted<{ requestId: string; note?: string }>()]),
  handler: ({ actor, args: [values] }) => approveDataRequest({ actor, input: orNone(values, "note", undefined) }),
  revalidate: requestPaths,
});

export const denyRequestAction = defineAction({
  caller: "PRIVACY_OFFICER",
  args: z.tuple([untrusted<{ requestId: string; reason: string; restrictInstead?: boolean }>()]),
  handler: ({ actor, args: [values] }) => denyDataRequest({ actor, input: values }),
  revalidate: requestPaths,
});

export const extendRequestAction = defineAction({
  caller: "PRIVACY_OFFICER",
  args: z.tuple([untrusted<{ requestId: string; months: number; reason: string }>()]),
  handler: ({ actor, args: [values] }) => extendDataRequest({ actor, input: values }),
  revalidate: requestPaths,
});

export const fulfilRequestAction = defineAction({
  caller: "PRIVACY_OFFICER",
  args: z.tuple([untrusted<{ requestId: string; note?: string }>()]),
  handler: ({ actor, args: [values] }) => fulfilDataRequest({ actor, input: orNone(values, "note", undefined) }),
  revalidate: requestPaths,
});

export const liftRestrictionAction = defineAction({
  caller: "PRIVACY_OFFICER",
  args: z.tuple([untrusted<{ requestId: string; reason: string }>()]),
  handler: ({ actor, args: [values] }) => liftRestriction({ actor, input: values }),
  revalidate: requestPaths,
});
