import { getConfig } from "../config";
import type { Actor } from "../audit/actor";
import { runChange, type ChangeOptions } from "../changes/run-change";
import { AppError } from "../errors";
import { appendRequestStep } from "./append-request-step";
import { erasureJob } from "./erasure-job";
import { hashRequestToken } from "./hash-confirmation-token";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The person confirms a request entered on their behalf with the emailed link; only then does
 * work start (RECEIVED, in the officers' queue). An erasure's cooling-off period starts now.
 * The link works once, until it expires.
 */
export async function confirmDataRequest({ token }: { token: string }, options?: ChangeOptions) {
  const actor: Actor = { kind: "PERSON", id: null };
  return runChange(
    actor,
    async (tx, now) => {
      const found = await tx.dataRequest.findUnique({ where: { confirmTokenHash: hashRequestToken(String(token).slice(0, 200)) }, select: { id: true } });
      if (!found) throw new AppError("NOT_FOUND", "unknown confirmation link", { userMessage: "confirmationInvalid" });
      await tx.$queryRaw`SELECT "id" FROM "DataRequest" WHERE "id" = ${found.id} FOR UPDATE`;
      const request = await tx.dataRequest.findUniqueOrThrow({ where: { id: found.id } });
      if (request.status !== "VERIFYING" || !request.confirmExpiresAt || request.confirmExpiresAt <= now) {
        throw new AppError("GONE", "confirmation link expired", { userMessage: "confirmationInvalid" });
      }
      const scheduledFor = request.type === "ERASURE" ? new Date(now.getTime() + getConfig().ERASURE_GRACE_DAYS * DAY_MS) : null;
      await tx.dataRequest.update({ where: { id: request.id }, data: { status: "RECEIVED", confirmedAt: now, confirmTokenHash: null, scheduledFor } });
      await appendRequestStep(tx, { requestId: request.id, kind: "confirmed", status: "RECEIVED", actor, now });
      const personId = request.personId;
      return {
        result: { requestId: request.id, type: request.type },
        audit: [
          { action: "request.confirmed", personId, target: `DataRequest:${request.id}`, details: { type: request.type } },
          ...(scheduledFor ? [{ action: "person.erasure_requested", personId, target: `DataRequest:${request.id}`, details: { scheduledFor: scheduledFor.toISOString() } }] : []),
        ],
        events: scheduledFor ? [{ type: "person.erasure_requested", personId, data: { requestId: request.id, scheduledFor: scheduledFor.toISOString() } }] : [],
        jobs: scheduledFor ? [erasureJob({ requestId: request.id, personId, runAt: scheduledFor })] : [],
      };
    },
    options,
  );
}
