"use server";

import { z } from "zod";
import { idArg } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { confirmEmailChange } from "@/lib/persons/confirm-email-change";

/** The new address confirms with the token from its email; no session is needed. */
export const confirmEmailChangeAction = defineAction({
  caller: "public",
  args: z.tuple([idArg(200)]),
  handler: async ({ args: [token] }) => {
    await confirmEmailChange({ token });
    return { confirmed: true };
  },
});
