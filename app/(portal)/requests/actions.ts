"use server";

import { z } from "zod";
import { idArg, untrusted } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { cancelDataRequest } from "@/lib/requests/cancel-data-request";
import { requestObjection } from "@/lib/requests/request-objection";
import { requestRectification } from "@/lib/requests/request-rectification";
import { requestRestriction } from "@/lib/requests/request-restriction";
import type { ObjectionInput, RectificationInput, RestrictionInput } from "@/lib/requests/schemas";

// Every request is the session's person's own: the person id never comes from the form.

export const requestRectificationAction = defineAction({
  caller: "person",
  args: z.tuple([untrusted<RectificationInput>()]),
  handler: async ({ user, actor, args: [values] }) => {
    // The form's empty organisation choice means none.
    const input = values !== null && typeof values === "object" ? { ...values, organizationId: (values as { organizationId?: unknown }).organizationId || undefined } : values;
    return { id: (await requestRectification({ actor, personId: user.personId, input })).id };
  },
  revalidate: ["/requests"],
});

export const requestRestrictionAction = defineAction({
  caller: "person",
  args: z.tuple([untrusted<RestrictionInput>()]),
  handler: async ({ user, actor, args: [values] }) => ({ id: (await requestRestriction({ actor, personId: user.personId, input: values })).id }),
  revalidate: ["/requests"],
});

export const requestObjectionAction = defineAction({
  caller: "person",
  args: z.tuple([untrusted<ObjectionInput>()]),
  handler: async ({ user, actor, args: [values] }) => ({ id: (await requestObjection({ actor, personId: user.personId, input: values })).id }),
  revalidate: ["/requests"],
});

export const cancelRequestAction = defineAction({
  caller: "person",
  args: z.tuple([idArg()]),
  handler: async ({ user, actor, args: [requestId] }) => {
    await cancelDataRequest({ actor, personId: user.personId, requestId });
    return { cancelled: true };
  },
  revalidate: ["/requests"],
});
