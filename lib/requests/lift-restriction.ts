import type { Actor } from "../audit/actor";
import { runChange, type ChangeOptions } from "../changes/run-change";
import { AppError } from "../errors";
import { createManualTasks } from "../manual-tasks/create-manual-tasks";
import { appendRequestStep } from "./append-request-step";
import { assertOfficer } from "./assert-officer";
import { lockDataRequest } from "./lock-data-request";
import { liftRestrictionSchema } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";
import { requestEmailJobs } from "./render-request-email";

/**
 * An officer ends the restriction of the request's person (GDPR Art. 18(3)): the person is told
 * why, purposes count again, connected systems get `person.restriction_lifted`, and the owner of
 * each manual system holding the person gets a task to allow processing again.
 */
export async function liftRestriction({ actor, input }: { actor: Actor; input: unknown }, options?: ChangeOptions) {
  assertOfficer(actor);
  const { requestId, reason } = parseOrThrow(liftRestrictionSchema, input, { what: "request input" });
  await runChange(
    actor,
    async (tx, now) => {
      const request = await lockDataRequest(tx, requestId);
      const personId = request.personId;
      const { count } = await tx.person.updateMany({ where: { id: personId, restrictedAt: { not: null } }, data: { restrictedAt: null } });
      if (count === 0) throw new AppError("CONFLICT", "not restricted", { userMessage: "notRestricted" });
      await appendRequestStep(tx, { requestId, kind: "restriction_lifted", actor, now, note: reason });
      const tasks = await createManualTasks(tx, { request: { id: requestId, personId }, kind: "RESTRICTION_LIFTED", now });
      const person = await tx.person.findUnique({ where: { id: personId }, select: { email: true, preferredLanguage: true } });
      return {
        result: undefined,
        jobs: await requestEmailJobs(person && { to: person.email, language: person.preferredLanguage, kind: "restrictionLifted", requestType: request.type, reason }, personId),
        audit: [{ action: "person.restriction_lifted", personId, target: `Person:${personId}`, details: { dataRequestId: requestId } }, ...tasks],
        events: [{ type: "person.restriction_lifted", personId, data: { requestId, liftedAt: now.toISOString() } }],
      };
    },
    options,
  );
  return { requestId };
}
