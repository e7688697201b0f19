"use server";

import { toActionResult } from "@/lib/action-result";
import { parseActionId } from "@/lib/parse-action-id";
import { confirmDataRequest } from "@/lib/requests/confirm-data-request";

/** The person confirms a request entered on their behalf, with the token from the email; no session needed. */
export async function confirmDataRequestAction(token: string) {
  return toActionResult(async () => {
    await confirmDataRequest({ token: parseActionId(token, 200) });
    return { confirmed: true };
  });
}
