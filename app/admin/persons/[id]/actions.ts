"use server";

import { z } from "zod";
import { idArg, untrusted } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import { correctPersonAsStaff } from "@/lib/persons/correct-person-as-staff";
import { recordPersonView } from "@/lib/persons/record-person-view";
import type { PersonViewInput, StaffCorrectionFormInput } from "@/lib/persons/schemas";

// Each action checks the role (the layout does not protect actions); the domain checks again.

/** Opens a person's record with the stated reason (audited as person.viewed). SUPPORT and up. */
export const openPersonAction = defineAction({
  caller: "SUPPORT",
  args: z.tuple([idArg(), untrusted<PersonViewInput>()]),
  handler: async ({ actor, args: [personId, values] }) => {
    await recordPersonView({ actor, personId, input: values });
  },
  revalidate: ([personId]) => [`/admin/persons/${personId}`],
});

/** Corrects a person's data on their behalf, with a reason (source STAFF). SUPPORT and up. */
export const correctPersonAction = defineAction({
  caller: "SUPPORT",
  args: z.tuple([idArg(), untrusted<StaffCorrectionFormInput>()]),
  handler: ({ actor, args: [personId, values] }) => {
    const { reason, ...input } = (values ?? {}) as Record<string, unknown>;
    return correctPersonAsStaff({ actor, personId, input, reason });
  },
  revalidate: ([personId]) => [`/admin/persons/${personId}`],
});
