"use server";

import { z } from "zod";
import { untrusted } from "@/lib/actions/action-args";
import { defineAction } from "@/lib/actions/define-action";
import type { SearchSessionInput } from "@/lib/search/schemas";
import { startSearchSession } from "@/lib/search/start-search-session";

// Each action checks the role (defineAction's caller; the layout does not protect actions); the domain checks again.

/** States why the staff member searches (audited as person.search_started); opens a search session. SUPPORT and up. */
export const startSearchSessionAction = defineAction({
  caller: "SUPPORT",
  args: z.tuple([untrusted<SearchSessionInput>()]),
  handler: async ({ actor, args: [values] }) => {
    await startSearchSession({ actor, input: values });
  },
  revalidate: ["/admin/persons"],
});
