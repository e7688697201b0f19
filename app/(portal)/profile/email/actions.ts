"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { untrusted } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { signedInRecently } from "@/lib/auth/guards";
import { reauthRequiredError, sendReauthLink } from "@/lib/auth/send-reauth-link";
import { requestEmailChange } from "@/lib/persons/request-email-change";

/** Starts an email change; a sign-in older than 15 minutes must be renewed first. */
export const requestEmailChangeAction = defineAction({
  caller: "person",
  args: z.tuple([untrusted<{ newEmail: string }>()]),
  handler: async ({ user, actor, args: [values] }) => {
    if (!signedInRecently(user)) throw reauthRequiredError();
    // The same answer whether or not the address was taken: only the queued mail differs.
    await requestEmailChange({ actor, personId: user.personId, input: values });
    return { sent: true };
  },
});

/** Sends a fresh sign-in link to the current address, returning here afterwards. */
export const requestReauthLinkAction = defineAction({
  caller: "person",
  args: z.tuple([]),
  handler: async ({ user }) => sendReauthLink({ email: user.email, callbackUrl: "/profile/email", ip: clientIpFrom(await headers()) }),
});
