"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { requestSignInLink } from "@/lib/auth/request-sign-in-link";

export type SignInActionState = { error?: "invalidEmail" | "rateLimited" | "failed"; retryAfterMinutes?: number };

export async function requestSignInLinkAction(input: { email: string; callbackUrl?: string }): Promise<SignInActionState> {
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
}
