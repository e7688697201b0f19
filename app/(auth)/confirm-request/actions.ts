"use server";

import { z } from "zod";
import { idArg } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { confirmDataRequest } from "@/lib/requests/confirm-data-request";

/** The person confirms a request entered on their behalf, with the token from the email; no session needed. */
export const confirmDataRequestAction = defineAction({
  caller: "public",
  args: z.tuple([idArg(200)]),
  handler: async ({ args: [token] }) => {
    await confirmDataRequest({ token });
    return { confirmed: true };
  },
});
