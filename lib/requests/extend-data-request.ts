import type { Actor } from "../audit/actor";
import { runChange, type ChangeOptions } from "../changes/run-change";
import { AppError } from "../errors";
import { appendRequestStep } from "./append-request-step";
import { assertOfficer } from "./assert-officer";
import { effectiveDueAt, extendedDueDate, MAX_RESPONSE_MONTHS, monthsAllowed } from "./due-date";
import { lockDataRequest } from "./lock-data-request";
import { extendSchema } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";
import { requestEmailJobs } from "./render-request-email";

/**
 * Extends the due date by one or two months (Art. 12(3)), never past three months after receipt
 * in all; the reason is sent to the person with the new date.
 */
export async function extendDataRequest({ actor, input }: { actor: Actor; input: unknown }, options?: ChangeOptions) {
  assertOfficer(actor);
  const { requestId, months, reason } = parseOrThrow(extendSchema, input, { what: "request input" });
  const outcome = await runChange(
    actor,
    async (tx, now) => {
      const request = await lockDataRequest(tx, requestId);
      if (["COMPLETED", "DENIED", "CANCELLED"].includes(request.status)) throw new AppError("CONFLICT", "request closed", { userMessage: "requestClosed" });
      const total = monthsAllowed(request.receivedAt, effectiveDueAt(request)) + months;
      if (total > MAX_RESPONSE_MONTHS) throw new AppError("VALIDATION", "extension past three months", { fields: { months: "extensionTooLong" } });
      const extendedDueAt = extendedDueDate(request.receivedAt, total);
      await tx.dataRequest.update({ where: { id: requestId }, data: { extendedDueAt, extensionReason: reason } });
      await appendRequestStep(tx, { requestId, kind: "extended", actor, now, note: reason });
      const person = await tx.person.findUnique({ where: { id: request.personId }, select: { email: true, preferredLanguage: true } });
      return {
        result: { extendedDueAt },
        jobs: await requestEmailJobs(person && { to: person.email, language: person.preferredLanguage, kind: "extended", requestType: request.type, reason, date: extendedDueAt }, request.personId),
        audit: { action: "request.extended", personId: request.personId, target: `DataRequest:${requestId}`, details: { months, totalMonths: total, extendedDueAt: extendedDueAt.toISOString() } },
      };
    },
    options,
  );
  return { requestId, extendedDueAt: outcome.extendedDueAt };
}
