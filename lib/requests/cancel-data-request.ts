import type { Actor } from "../audit/actor";
import { runChange, type ChangeOptions } from "../changes/run-change";
import { AppError } from "../errors";
import { closeDataRequest } from "./close-data-request";
import { lockDataRequest } from "./lock-data-request";
import { requestEmailJobs } from "./render-request-email";

/**
 * The person withdraws their own request before work on it has begun; for an erasure, any time
 * in the cooling-off period, and then nothing is erased and the person is told so by email.
 * Another person's request is NOT_FOUND.
 */
export async function cancelDataRequest({ actor, personId, requestId }: { actor: Actor; personId: string; requestId: string }, options?: ChangeOptions) {
  return runChange(
    actor,
    async (tx, now) => {
      const request = await lockDataRequest(tx, requestId, personId);
      if (request.status !== "RECEIVED" && request.status !== "VERIFYING") {
        throw new AppError("CONFLICT", "request can no longer be cancelled", { userMessage: "cannotCancel" });
      }
      const tasks = await closeDataRequest(tx, { request, status: "CANCELLED", step: "cancelled", actor, now, data: { confirmTokenHash: null } });
      const person = request.type === "ERASURE" ? await tx.person.findUnique({ where: { id: personId }, select: { email: true, preferredLanguage: true } }) : null;
      return {
        jobs: await requestEmailJobs(person && { to: person.email, language: person.preferredLanguage, kind: "erasureCancelled", requestType: "ERASURE" }, personId),
        result: { requestId, type: request.type },
        audit: [{ action: "request.cancelled", personId, target: `DataRequest:${requestId}`, details: { type: request.type, from: request.status } }, ...tasks],
      };
    },
    options,
  );
}
