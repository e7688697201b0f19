"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { toActionResult } from "@/lib/action-result";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { actorFor, requirePerson } from "@/lib/auth/guards";
import { requestSignInLink } from "@/lib/auth/request-sign-in-link";
import { AppError } from "@/lib/errors";
import { parseActionId } from "@/lib/parse-action-id";
import { cancelDataRequest } from "@/lib/requests/cancel-data-request";
import { requestDataExport } from "@/lib/requests/request-data-export";
import { requestErasure } from "@/lib/requests/request-erasure";
import { sendRequestEmail } from "@/lib/requests/send-request-email";

/** "Prepare my file": the worker builds it; the page shows progress. */
export async function requestDataExportAction() {
  const user = await requirePerson();
  const actor = await actorFor(user, "PERSON");
  const result = await toActionResult(() => requestDataExport({ actor, personId: user.personId }));
  revalidatePath("/data");
  return result;
}

/** "Erase my data", confirmed; the domain refuses a sign-in older than 15 minutes. */
export async function requestErasureAction(values: { confirmed: boolean }) {
  const user = await requirePerson();
  if (values?.confirmed !== true) return { ok: false as const, message: "mustConfirm" };
  const actor = await actorFor(user, "PERSON");
  const result = await toActionResult(async () => {
    const request = await requestErasure({ actor, personId: user.personId, signedInAt: user.signedInAt });
    return { requestId: request.id, scheduledFor: request.scheduledFor };
  });
  revalidatePath("/data/delete");
  return result;
}

/** Cancels the person's own erasure in the cooling-off period; nothing is erased. */
export async function cancelErasureAction(requestId: string) {
  const user = await requirePerson();
  const actor = await actorFor(user, "PERSON");
  const result = await toActionResult(async () => {
    await cancelDataRequest({ actor, personId: user.personId, requestId: parseActionId(requestId) });
    await sendRequestEmail({ to: user.email, language: user.preferredLanguage, kind: "erasureCancelled", requestType: "ERASURE" });
    return { cancelled: true };
  });
  revalidatePath("/data/delete");
  return result;
}

/** A fresh sign-in link to the person's address, returning to the erasure page. */
export async function requestErasureReauthAction() {
  const user = await requirePerson();
  const sent = await requestSignInLink({ email: user.email, callbackUrl: "/data/delete" }, clientIpFrom(await headers()));
  return toActionResult(async () => {
    if (sent.status === "rate_limited") throw new AppError("RATE_LIMITED", "rate limited", { userMessage: "rateLimited" });
    if (sent.status !== "sent") throw new AppError("BAD_REQUEST", "link not sent", { userMessage: "failed" });
    return { sent: true };
  });
}
