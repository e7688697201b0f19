import { workerActor } from "../audit/actor";
import { runChange, type ChangeOptions } from "../db/run-change";
import { appendRequestStep } from "./append-request-step";
import { claimDataRequest } from "./claim-data-request";
import { findPendingErasureSystems } from "./find-pending-erasure-systems";

/**
 * Completes an erasure waiting in AWAITING_SYSTEMS once every system that must acknowledge it
 * has done so through the API. Answers whether it completed (false while systems are pending or
 * another worker holds it). The final email follows (sendErasureFinalEmails).
 */
export async function completeErasure({ requestId }: { requestId: string }, options: ChangeOptions = {}) {
  const actor = workerActor();
  return runChange(
    actor,
    async (tx, now) => {
      const request = await claimDataRequest(tx, requestId, "ERASURE", ["AWAITING_SYSTEMS"]);
      if (!request) return { result: false, audit: [] };
      if ((await findPendingErasureSystems(tx, request)).length > 0) return { result: false, audit: [] };
      await tx.dataRequest.update({ where: { id: requestId }, data: { status: "COMPLETED", closedAt: now } });
      await appendRequestStep(tx, { requestId, kind: "completed", status: "COMPLETED", actor, now });
      return {
        result: true,
        audit: { action: "request.status_changed", personId: request.personId, target: `DataRequest:${requestId}`, details: { from: "AWAITING_SYSTEMS", to: "COMPLETED" } },
      };
    },
    options,
  );
}
