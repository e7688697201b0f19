import { workerActor, type Actor } from "../audit/actor";
import { runChange, type ChangeOptions } from "../changes/run-change";
import { claimDataRequest } from "./claim-data-request";
import { erasePerson } from "./erase-person";
import { requestEmailJobs } from "./render-request-email";

/**
 * Runs one erasure whose cooling-off period has ended, in one transaction (see erasePerson).
 * Claimed with SKIP LOCKED: null when another worker has it, or it is not due or no longer open.
 * The email telling the person, at the address they had, that their data is erased is queued in it.
 */
export async function executeErasure({ requestId, actor = workerActor() }: { requestId: string; actor?: Actor }, options: ChangeOptions = {}) {
  const outcome = await runChange(
    actor,
    async (tx, now) => {
      const request = await claimDataRequest(tx, requestId, "ERASURE", ["RECEIVED", "IN_PROGRESS"]);
      if (!request?.scheduledFor || request.scheduledFor > now) return { result: null, audit: [] };
      const person = await tx.person.findUnique({ where: { id: request.personId }, select: { email: true, preferredLanguage: true } });
      const erased = await erasePerson(tx, { actor, request, now });
      return {
        result: { requestId, personId: request.personId, eventId: erased.eventId },
        audit: erased.audit,
        // To the address they had; not tied to the person, who is gone.
        jobs: await requestEmailJobs(person && { to: person.email, language: person.preferredLanguage, kind: "erased", requestType: "ERASURE" }, null),
      };
    },
    options,
  );
  return outcome;
}
