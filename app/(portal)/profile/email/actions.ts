"use server";

import { headers } from "next/headers";
import { toActionResult } from "@/lib/action-result";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { actorFor, requirePerson, signedInRecently } from "@/lib/auth/guards";
import { requestSignInLink } from "@/lib/auth/request-sign-in-link";
import { AppError } from "@/lib/errors";
import { requestEmailChange } from "@/lib/persons/request-email-change";
import { sendEmailChangeEmails } from "@/lib/persons/send-email-change-emails";

/** Starts an email change; a sign-in older than 15 minutes must be renewed first. */
export async function requestEmailChangeAction(values: { newEmail: string }) {
  const user = await requirePerson();
  if (!signedInRecently(user)) return { ok: false as const, message: "reauthRequired" };
  const actor = await actorFor(user, "PERSON");
  return toActionResult(async () => {
    const change = await requestEmailChange({ actor, personId: user.personId, input: values });
    // The same answer whether or not the address was taken: only the mail differs.
    await sendEmailChangeEmails({ ...change, language: user.preferredLanguage });
    return { sent: true };
  });
}

/** Sends a fresh sign-in link to the current address, returning here afterwards. */
export async function requestReauthLinkAction() {
  const user = await requirePerson();
  const result = await requestSignInLink({ email: user.email, callbackUrl: "/profile/email" }, clientIpFrom(await headers()));
  return toActionResult(async () => {
    if (result.status === "rate_limited") throw new AppError("RATE_LIMITED", "rate limited", { userMessage: "rateLimited" });
    if (result.status !== "sent") throw new AppError("BAD_REQUEST", "link not sent", { userMessage: "failed" });
    return { sent: true };
  });
}
