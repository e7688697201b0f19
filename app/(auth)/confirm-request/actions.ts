"use server";

import { toActionResult } from "@/lib/action-result";
import { confirmDataRequest } from "@/lib/requests/confirm-data-request";

/** The person confirms a request entered on their behalf, with the token from the email; no session needed. */
export async function confirmDataRequestAction(token: string) {
  return toActionResult(async () => {
    await confirmDataRequest({ token: String(token).slice(0, 200) });
    return { confirmed: true };
  });
}
