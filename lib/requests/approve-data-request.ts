import type { Actor } from "../audit/actor";
import type { AuditInput } from "../audit/append-audit-entry";
import { runChange, type ChangeOptions } from "../changes/run-change";
import { AppError } from "../errors";
import type { OutboxInput } from "../propagation/record-outbox-event";
import type { JobInput } from "../queue/enqueue-job";
import { appendRequestStep } from "./append-request-step";
import { assertExportAllowed } from "./assert-export-allowed";
import { assertOfficer } from "./assert-officer";
import { decisionSchema } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";
import { erasePerson } from "./erase-person";
import { erasureJob } from "./erasure-job";
import { exportBuildJob } from "./export-build-job";
import { lockDataRequest } from "./lock-data-request";
import { restrictPerson } from "./restrict-person";
import { requestEmailJobs } from "./render-request-email";

/**
 * An officer approves a received request and work starts (IN_PROGRESS): an access or
 * portability request gets its export built, a restriction takes effect. An erasure is approved
 * before its cooling-off period ends and runs at once (AWAITING_SYSTEMS). Unconfirmed requests
 * (VERIFYING) cannot be approved.
 */
export async function approveDataRequest({ actor, input }: { actor: Actor; input: unknown }, options?: ChangeOptions) {
  assertOfficer(actor);
  const { requestId, note } = parseOrThrow(decisionSchema, input, { what: "request input" });
  const outcome = await runChange(
    actor,
    async (tx, now) => {
      const request = await lockDataRequest(tx, requestId);
      if (request.status === "VERIFYING") throw new AppError("CONFLICT", "not confirmed by the person", { userMessage: "notConfirmed" });
      if (request.status !== "RECEIVED") throw new AppError("CONFLICT", "not awaiting approval", { userMessage: "notApprovable" });
      const personId = request.personId;
      const audit: AuditInput[] = [{ action: "request.approved", personId, target: `DataRequest:${requestId}`, details: { type: request.type } }];
      if (request.type === "ERASURE") {
        const person = await tx.person.findUnique({ where: { id: personId }, select: { email: true, preferredLanguage: true } });
        await appendRequestStep(tx, { requestId, kind: "approved", actor, now, note, internal: true });
        const erased = await erasePerson(tx, { actor, request, now });
        // To the address they had; not tied to the person, who is gone.
        const jobs = await requestEmailJobs(person && { to: person.email, language: person.preferredLanguage, kind: "erased", requestType: "ERASURE" }, null);
        // Its completion, at once when no system has to confirm it.
        return { result: { status: "AWAITING_SYSTEMS" as const }, audit: [...audit, ...erased.audit], jobs: [...jobs, erasureJob({ requestId, personId: null, runAt: now })] };
      }
      let events: OutboxInput[] = [];
      const jobs: JobInput[] = [];
      if (request.type === "ACCESS" || request.type === "PORTABILITY") {
        await assertExportAllowed(tx, personId, now);
        const exp = await tx.dataExport.upsert({ where: { requestId }, create: { requestId, createdAt: now }, update: {}, select: { id: true } });
        jobs.push(exportBuildJob({ exportId: exp.id, personId }));
      }
      if (request.type === "RESTRICTION") {
        const restricted = await restrictPerson(tx, { personId, requestId, now });
        audit.push(...restricted.audit);
        events = restricted.events;
      }
      await tx.dataRequest.update({ where: { id: requestId }, data: { status: "IN_PROGRESS" } });
      await appendRequestStep(tx, { requestId, kind: "approved", status: "IN_PROGRESS", actor, now, note, internal: true });
      audit.push({ action: "request.status_changed", personId, target: `DataRequest:${requestId}`, details: { from: "RECEIVED", to: "IN_PROGRESS" } });
      return { result: { status: "IN_PROGRESS" as const }, audit, events, jobs };
    },
    options,
  );
  return { requestId, status: outcome.status };
}
