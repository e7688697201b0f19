import type { Actor } from "../audit/actor";
import { getConfig } from "../config";
import { runChange, type ChangeOptions } from "../changes/run-change";
import { AppError } from "../errors";
import { assertPersonWritable } from "../persons/assert-person-writable";
import { erasureJob } from "./erasure-job";
import { insertDataRequest } from "./insert-data-request";
import { requestEmailJobs } from "./render-request-email";

/** Erasure needs a sign-in this recent (the same 15 minutes as the portal's other sensitive actions). */
export const ERASURE_REAUTH_MS = 15 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * "Delete my data" (GDPR Art. 17), confirmed by the signed-in person with a recent sign-in. The
 * erasure waits out the cooling-off period (ERASURE_GRACE_DAYS), during which the person can
 * cancel and an officer can approve it earlier or deny it. Connected systems get
 * `person.erasure_requested`; the person gets an email with the date.
 */
export async function requestErasure(
  { actor, personId, signedInAt }: { actor: Actor; personId: string; signedInAt: Date | null },
  options: ChangeOptions = {},
) {
  const at = options.now ?? new Date();
  if (!signedInAt || at.getTime() - signedInAt.getTime() > ERASURE_REAUTH_MS) {
    throw new AppError("REAUTH_REQUIRED", "sign in again", { userMessage: "reauthRequired" });
  }
  const graceDays = getConfig().ERASURE_GRACE_DAYS;
  return runChange(
    actor,
    async (tx, now) => {
      await assertPersonWritable(tx, personId);
      const person = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { email: true, preferredLanguage: true, user: { select: { role: true } } } });
      if (person.user && person.user.role !== "CUSTOMER") throw new AppError("CONFLICT", "staff account", { userMessage: "staffAccount" });
      const open = await tx.dataRequest.findFirst({ where: { personId, type: "ERASURE", status: { in: ["RECEIVED", "VERIFYING", "IN_PROGRESS", "AWAITING_SYSTEMS"] } }, select: { id: true } });
      if (open) throw new AppError("CONFLICT", "erasure already requested", { userMessage: "erasureAlreadyRequested" });
      const scheduledFor = new Date(now.getTime() + graceDays * DAY_MS);
      const { request, audit } = await insertDataRequest(tx, { actor, now, personId, type: "ERASURE", channel: "PORTAL", scheduledFor });
      return {
        result: request,
        jobs: [
          erasureJob({ requestId: request.id, personId, runAt: scheduledFor }),
          ...(await requestEmailJobs(
            { to: person.email, language: person.preferredLanguage, kind: "erasureScheduled", requestType: "ERASURE", date: scheduledFor, url: `${getConfig().APP_URL}/data/delete` },
            personId,
          )),
        ],
        audit: [audit, { action: "person.erasure_requested", personId, target: `DataRequest:${request.id}`, details: { scheduledFor: scheduledFor.toISOString() } }],
        events: [{ type: "person.erasure_requested", personId, data: { requestId: request.id, scheduledFor: scheduledFor.toISOString() } }],
      };
    },
    options,
  );
}
