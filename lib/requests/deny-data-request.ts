import type { Actor } from "../audit/actor";
import type { AuditInput } from "../audit/append-audit-entry";
import { runChange, type ChangeOptions } from "../changes/run-change";
import { AppError } from "../errors";
import type { OutboxInput } from "../propagation/record-outbox-event";
import { appendRequestStep } from "./append-request-step";
import { assertOfficer } from "./assert-officer";
import { closeDataRequest } from "./close-data-request";
import { lockDataRequest } from "./lock-data-request";
import { restrictPerson } from "./restrict-person";
import { denySchema } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";
import { requestEmailJobs } from "./render-request-email";

/**
 * An officer denies a request with a legal reason, which is sent to the person (Art. 12(4)).
 * An erasure refused because the data must still be kept (e.g. an open contract) may restrict
 * processing instead. An executed erasure cannot be denied any more.
 */
export async function denyDataRequest({ actor, input }: { actor: Actor; input: unknown }, options?: ChangeOptions) {
  assertOfficer(actor);
  const { requestId, reason, restrictInstead } = parseOrThrow(denySchema, input, { what: "request input" });
  await runChange(
    actor,
    async (tx, now) => {
      const request = await lockDataRequest(tx, requestId);
      if (!["RECEIVED", "VERIFYING", "IN_PROGRESS"].includes(request.status)) throw new AppError("CONFLICT", "request closed", { userMessage: "notDeniable" });
      if (restrictInstead && request.type !== "ERASURE") throw new AppError("VALIDATION", "restriction instead is for erasures", { fields: { restrictInstead: "restrictOnlyErasure" } });
      const personId = request.personId;
      // Closed before a restriction instead is applied, so only the request's earlier tasks are cancelled.
      const tasks = await closeDataRequest(tx, { request, status: "DENIED", step: "denied", actor, now, note: reason, data: { decisionReason: reason, confirmTokenHash: null } });
      await tx.dataExport.deleteMany({ where: { requestId, status: { in: ["PENDING", "FAILED"] } } });
      const audit: AuditInput[] = [{ action: "request.denied", personId, target: `DataRequest:${requestId}`, details: { type: request.type, from: request.status, restrictInstead } }, ...tasks];
      let events: OutboxInput[] = [];
      if (restrictInstead) {
        const restricted = await restrictPerson(tx, { personId, requestId, now });
        audit.push(...restricted.audit);
        events = restricted.events;
        await appendRequestStep(tx, { requestId, kind: "restricted_instead", actor, now });
      }
      const person = await tx.person.findUnique({ where: { id: personId }, select: { email: true, preferredLanguage: true } });
      const jobs = await requestEmailJobs(person && { to: person.email, language: person.preferredLanguage, kind: "denied", requestType: request.type, reason }, personId);
      return { result: undefined, audit, events, jobs };
    },
    options,
  );
  return { requestId, status: "DENIED" as const };
}
