"use server";

import { revalidatePath } from "next/cache";
import { toActionResult } from "@/lib/action-result";
import { actorFor, requireStaff } from "@/lib/auth/guards";
import type { SearchSessionInput } from "@/lib/search/schemas";
import { startSearchSession } from "@/lib/search/start-search-session";

// Each action checks the role itself (the layout does not protect actions); the domain checks again.

/** States why the staff member searches (audited as person.search_started); opens a search session. SUPPORT and up. */
export async function startSearchSessionAction(values: SearchSessionInput) {
  const actor = await actorFor(await requireStaff("SUPPORT"), "STAFF");
  const result = await toActionResult(async () => {
    await startSearchSession({ actor, input: values });
  });
  if (result.ok) revalidatePath("/admin/persons");
  return result;
}
