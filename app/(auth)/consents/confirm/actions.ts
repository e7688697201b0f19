"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { idArg } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { confirmConsent } from "@/lib/consents/confirm-consent";

/** Confirms a double opt-in from its emailed link; the token is the proof, no session needed. */
export const confirmConsentAction = defineAction({
  caller: "public",
  args: z.tuple([idArg(200)]),
  handler: async ({ args: [token] }) => confirmConsent({ token, userAgent: (await headers()).get("user-agent") ?? undefined }),
});
