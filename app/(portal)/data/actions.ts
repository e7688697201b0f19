"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { idArg, untrusted } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { sendReauthLink } from "@/lib/auth/send-reauth-link";
import { AppError } from "@/lib/errors";
import { cancelDataRequest } from "@/lib/requests/cancel-data-request";
import { requestDataExport } from "@/lib/requests/request-data-export";
import { requestErasure } from "@/lib/requests/request-erasure";

/** "Prepare my file": the worker builds it; the page shows progress. */
export const requestDataExportAction = defineAction({
  caller: "person",
  args: z.tuple([]),
  handler: ({ user, actor }) => requestDataExport({ actor, personId: user.personId }),
  revalidate: ["/data"],
});

/** "Erase my data", confirmed; the domain refuses a sign-in older than 15 minutes. */
export const requestErasureAction = defineAction({
  caller: "person",
  args: z.tuple([untrusted<{ confirmed: boolean }>()]),
  handler: async ({ user, actor, args: [values] }) => {
    if ((values as { confirmed?: unknown } | null)?.confirmed !== true) throw new AppError("BAD_REQUEST", "erasure not confirmed", { userMessage: "mustConfirm" });
    const request = await requestErasure({ actor, personId: user.personId, signedInAt: user.signedInAt });
    return { requestId: request.id, scheduledFor: request.scheduledFor };
  },
  revalidate: ["/data/delete"],
});

/** Cancels the person's own erasure in the cooling-off period; nothing is erased (the email saying so is queued with it). */
export const cancelErasureAction = defineAction({
  caller: "person",
  args: z.tuple([idArg()]),
  handler: async ({ user, actor, args: [requestId] }) => {
    await cancelDataRequest({ actor, personId: user.personId, requestId });
    return { cancelled: true };
  },
  revalidate: ["/data/delete"],
});

/** A fresh sign-in link to the person's address, returning to the erasure page. */
export const requestErasureReauthAction = defineAction({
  caller: "person",
  args: z.tuple([]),
  handler: async ({ user }) => sendReauthLink({ email: user.email, callbackUrl: "/data/delete", ip: clientIpFrom(await headers()) }),
});
