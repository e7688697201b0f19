"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { untrusted } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { hashIp } from "@/lib/audit/actor";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { setSessionCookie } from "@/lib/auth/set-session-cookie";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { beginPasskeySignIn } from "@/lib/passkeys/begin-passkey-sign-in";
import { finishPasskeySignIn } from "@/lib/passkeys/finish-passkey-sign-in";

/** The browser's options for signing in with a passkey (rate-limited per client address). */
export const beginPasskeySignInAction = defineAction({
  caller: "public",
  args: z.tuple([]),
  handler: async () => {
    const result = await beginPasskeySignIn({ ip: clientIpFrom(await headers()) });
    if (result.status === "rate_limited") throw new AppError("RATE_LIMITED", "rate limited", { userMessage: "rateLimited" });
    return result.options;
  },
});

/** Checks the passkey's answer and starts a session, as an emailed link would. */
export const finishPasskeySignInAction = defineAction({
  caller: "public",
  args: z.tuple([untrusted<unknown>()]),
  handler: async ({ args: [response] }) => {
    const requestHeaders = await headers();
    const session = await finishPasskeySignIn({
      input: response,
      ipHash: hashIp(clientIpFrom(requestHeaders), getConfig().AUTH_SECRET!),
      userAgent: requestHeaders.get("user-agent"),
    });
    await setSessionCookie(session);
    return { signedIn: true };
  },
});
