"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { idArg, untrusted } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { signedInRecently } from "@/lib/auth/guards";
import { reauthRequiredError, sendReauthLink } from "@/lib/auth/send-reauth-link";
import { beginPasskeyRegistration } from "@/lib/passkeys/begin-passkey-registration";
import { finishPasskeyRegistration } from "@/lib/passkeys/finish-passkey-registration";
import { removePasskey } from "@/lib/passkeys/remove-passkey";


/** The browser's options for creating a passkey; adding one is sensitive, so the sign-in must be recent. */
export const beginPasskeyRegistrationAction = defineAction({
  caller: "person",
  args: z.tuple([]),
  handler: async ({ user }) => {
    if (!signedInRecently(user)) throw reauthRequiredError();
    return beginPasskeyRegistration({ userId: user.userId });
  },
});

/** Stores the passkey the browser created, under the name the person gave it. */
export const finishPasskeyRegistrationAction = defineAction({
  caller: "person",
  args: z.tuple([untrusted<{ name: string; response: unknown }>()]),
  handler: async ({ user, actor, args: [values] }) => {
    if (!signedInRecently(user)) throw reauthRequiredError();
    const input = values !== null && typeof values === "object" ? (values as { name?: unknown; response?: unknown }) : {};
    return finishPasskeyRegistration({ actor, userId: user.userId, input: { name: input.name, response: input.response } });
  },
  revalidate: ["/sessions"],
});

export const removePasskeyAction = defineAction({
  caller: "person",
  args: z.tuple([idArg()]),
  handler: ({ user, actor, args: [passkeyId] }) => removePasskey({ actor, userId: user.userId, personId: user.personId, passkeyId }),
  revalidate: ["/sessions"],
});

/** Sends a fresh sign-in link to the person's address, returning to the Sessions page. */
export const requestPasskeyReauthLinkAction = defineAction({
  caller: "person",
  args: z.tuple([]),
  handler: async ({ user }) => sendReauthLink({ email: user.email, callbackUrl: "/sessions", ip: clientIpFrom(await headers()) }),
});
