"use server";

import { toActionResult } from "@/lib/action-result";
import { parseActionId } from "@/lib/parse-action-id";
import { confirmEmailChange } from "@/lib/persons/confirm-email-change";

/** The new address confirms with the token from its email; no session is needed. */
export async function confirmEmailChangeAction(token: string) {
  return toActionResult(async () => {
    await confirmEmailChange({ token: parseActionId(token, 200) });
    return { confirmed: true };
  });
}
