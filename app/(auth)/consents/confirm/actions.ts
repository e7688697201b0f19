"use server";

import { headers } from "next/headers";
import { toActionResult } from "@/lib/action-result";
import { confirmConsent } from "@/lib/consents/confirm-consent";
import { parseActionId } from "@/lib/parse-action-id";

/** Confirms a double opt-in from its emailed link; the token is the proof, no session needed. */
export async function confirmConsentAction(token: string) {
  const userAgent = (await headers()).get("user-agent") ?? undefined;
  return toActionResult(() => confirmConsent({ token: parseActionId(token, 200), userAgent }));
}
