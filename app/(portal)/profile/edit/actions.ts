"use server";

import { z } from "zod";
import { untrusted } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { correctPerson } from "@/lib/persons/correct-person";
import type { ProfileCorrectionInput } from "@/lib/persons/schemas";

/** The person corrects their own data; the person is always the session's, never the form's. */
export const correctProfileAction = defineAction({
  caller: "person",
  args: z.tuple([untrusted<ProfileCorrectionInput>()]),
  handler: ({ user, actor, args: [values] }) => correctPerson({ actor, personId: user.personId, input: values, source: "PERSON" }),
  revalidate: [["/", "layout"]],
});
