"use server";

import { z } from "zod";
import { idArg, untrusted } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { AppError } from "@/lib/errors";
import { mergePersons } from "@/lib/identity/merge-persons";
import type { MergePersonsInput } from "@/lib/identity/schemas";
import { recordPersonView } from "@/lib/persons/record-person-view";

// Each action checks the role (defineAction's caller); the domain checks it again with the actor.

/** Two person ids; anything else is no pair and finds nobody. */
const pair = z.unknown().transform((value) => (Array.isArray(value) && value.length === 2 ? value.map((id) => idArg().parse(id)) : null)) as unknown as z.ZodType<string[] | null, [string, string]>;

/** Opens two candidate duplicates side by side: both looks are audited together (identity resolution). PRIVACY_OFFICER and up. */
export const compareDuplicatesAction = defineAction({
  caller: "PRIVACY_OFFICER",
  args: z.tuple([pair]),
  handler: async ({ actor, args: [ids] }) => {
    if (!ids) throw new AppError("NOT_FOUND", "not a pair of persons", { userMessage: "personNotFound" });
    await recordPersonView({ actor, personId: ids, input: { reasonCode: "identity_resolution" } });
  },
});

/** Merges the duplicate into the survivor with the chosen values. PRIVACY_OFFICER and up. */
export const mergePersonsAction = defineAction({
  caller: "PRIVACY_OFFICER",
  args: z.tuple([untrusted<MergePersonsInput>()]),
  handler: async ({ actor, args: [values] }) => ({ survivorId: (await mergePersons({ actor, input: values })).survivorId }),
  revalidate: ["/admin/duplicates"],
});
