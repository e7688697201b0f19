"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { untrusted } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { requestSignInLink } from "@/lib/auth/request-sign-in-link";
import { startStaffSignIn } from "@/lib/auth/start-staff-sign-in";

export type SignInActionState = { error?: "invalidEmail" | "rateLimited" | "failed"; retryAfterMinutes?: number };

/** Emails a sign-in link and goes on to the check-email page; the form shows what went wrong. */
export const requestSignInLinkAction = defineAction({
  caller: "public",
  args: z.tuple([untrusted<{ email: string; callbackUrl?: string }>()]),
  handler: async ({ args: [input] }): Promise<SignInActionState> => {
    const result = await requestSignInLink(input, clientIpFrom(await headers()));
    switch (result.status) {
      case "invalid":
        return { error: "invalidEmail" };
      case "rate_limited":
        return { error: "rateLimited", retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60) };
      case "failed":
        return { error: "failed" };
      case "sent":
        redirect("/signin/check-email");
    }
  },
  answer: (result): SignInActionState => (result.ok ? result.data : { error: result.message === "invalid" ? "invalidEmail" : "failed" }),
});

/** Staff sign-in: a redirect to the identity provider (OIDC), back to the callback URL or the back-office. */
export const staffSignInAction = defineAction({
  caller: "public",
  args: z.tuple([untrusted<{ callbackUrl?: string }>()]),
  handler: async ({ args: [input] }) => startStaffSignIn(input),
  answer: () => ({ error: "failed" as const }),
});
