"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { untrusted } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { signedInRecently } from "@/lib/auth/guards";
import { requestSignInLink } from "@/lib/auth/request-sign-in-link";
import { AppError } from "@/lib/errors";
import { requestEmailChange } from "@/lib/persons/request-email-change";

/** Starts an email change; a sign-in older than 15 minutes must be renewed first. */
export const requestEmailChangeAction = defineAction({
  caller: "person",
  args: z.tuple([untrusted<{ newEmail: string }>()]),
  handler: async ({ user, actor, args: [values] }) => {
    if (!signedInRecently(user)) throw new AppError("REAUTH_REQUIRED", "sign-in too old", { userMessage: "reauthRequired" });
    // The same answer whether or not the address was taken: only the queued mail differs.
    await requestEmailChange({ actor, personId: user.personId, input: values });
    return { sent: true };
  },
});

/** Sends a fresh sign-in link to the current address, returning here afterwards. */
export const requestReauthLinkAction = defineAction({
  caller: "person",
  args: z.tuple([]),
  handler: async ({ user }) => {
    const result = await requestSignInLink({ email: user.email, callbackUrl: "/profile/email" }, clientIpFrom(await headers()));
    if (result.status === "rate_limited") throw new AppError("RATE_LIMITED", "rate limited", { userMessage: "rateLimited" });
    if (result.status !== "sent") throw new AppError("BAD_REQUEST", "link not sent", { userMessage: "failed" });
    return { sent: true };
  },
});
