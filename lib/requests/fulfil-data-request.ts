import type { Actor } from "../audit/actor";
import { runChange, type ChangeOptions } from "../changes/run-change";
import { AppError } from "../errors";
import { createManualTasks } from "../manual-tasks/create-manual-tasks";
import { closeDataRequest } from "./close-data-request";
import { assertOfficer } from "./assert-officer";
import { findPendingErasureSystems } from "./find-pending-erasure-systems";
import { lockDataRequest } from "./lock-data-request";
import { queueErasureFinalEmail } from "./queue-erasure-final-email";
import { decisionSchema } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";
import { requestEmailJobs } from "./render-request-email";

/**
 * An officer marks a request in progress as done; the note (what was done) goes to the person.
 * Access and portability complete themselves when their export is ready. An erasure completes
 * when its systems acknowledge; an officer may close one still waiting only with a note saying
 * why (e.g. a system was decommissioned), and that is recorded with the systems still pending.
 * A fulfilled rectification gives the owner of each manual system holding the person a task.
 */
export async function fulfilDataRequest({ actor, input }: { actor: Actor; input: unknown }, options?: ChangeOptions) {
  assertOfficer(actor);
  const { requestId, note } = parseOrThrow(decisionSchema, input, { what: "request input" });
  await runChange(
    actor,
    async (tx, now) => {
      const request = await lockDataRequest(tx, requestId);
      const personId = request.personId;
      let pendingSystems: string[] = [];
      if (request.type === "ERASURE") {
        if (request.status !== "AWAITING_SYSTEMS") throw new AppError("CONFLICT", "erasure not executed", { userMessage: "notFulfillable" });
        pendingSystems = (await findPendingErasureSystems(tx, request)).map((s) => s.id);
        if (pendingSystems.length > 0 && !note) throw new AppError("VALIDATION", "note required", { fields: { note: "noteRequired" } });
      } else if (request.status !== "IN_PROGRESS") {
        throw new AppError("CONFLICT", "not in progress", { userMessage: "notFulfillable" });
      } else if (request.type === "ACCESS" || request.type === "PORTABILITY") {
        throw new AppError("CONFLICT", "completed by its export", { userMessage: "completedByExport" });
      }
      // An erasure closed with manual tasks still open cancels them.
      const cancelled = await closeDataRequest(tx, { request, status: "COMPLETED", step: "completed", actor, now, note: note ?? null, internal: request.type === "ERASURE" });
      const tasks = request.type === "RECTIFICATION" ? await createManualTasks(tx, { request, kind: "RECTIFICATION", now }) : cancelled;
      const person = await tx.person.findUnique({ where: { id: personId }, select: { email: true, preferredLanguage: true } });
      return {
        result: undefined,
        jobs: request.type === "ERASURE"
          ? await queueErasureFinalEmail(tx, request)
          : await requestEmailJobs(person && { to: person.email, language: person.preferredLanguage, kind: "completed", requestType: request.type, reason: note }, personId),
        audit: [
          {
            action: "request.fulfilled",
            personId,
            target: `DataRequest:${requestId}`,
            details: { type: request.type, from: request.status, ...(pendingSystems.length ? { pendingSystems } : {}) },
          },
          ...tasks,
        ],
      };
    },
    options,
  );
  return { requestId, status: "COMPLETED" as const };
}
