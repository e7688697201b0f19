"use server";

import { z } from "zod";
import { untrusted } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { openRectificationRequest } from "@/lib/requests/open-rectification-request";

/** The person reports wrong data about an organisation they act for: a rectification request. */
export const reportOrganisationAction = defineAction({
  caller: "person",
  args: z.tuple([untrusted<{ organizationId: string; description: string }>()]),
  handler: async ({ user, actor, args: [values] }) => {
    await openRectificationRequest({ actor, personId: user.personId, input: values });
    return { opened: true };
  },
  revalidate: ["/activity"],
});
