import { workerActor, type Actor } from "../audit/actor";
import type { AuditInput } from "../audit/append-audit-entry";
import { runChange, type ChangeOptions } from "../changes/run-change";
import type { Tx } from "../db/types";
import { enqueueJobs } from "../queue/enqueue-job";
import { closeDataRequest } from "./close-data-request";
import { claimDataRequest } from "./claim-data-request";
import { findPendingErasureSystems } from "./find-pending-erasure-systems";
import { queueErasureFinalEmail } from "./queue-erasure-final-email";

/**
 * Completes an erasure waiting in AWAITING_SYSTEMS once every system that must acknowledge it
 * has done so through the API. Answers whether it completed (false while systems are pending or
 * another worker holds it).
 */
export async function completeErasure({ requestId }: { requestId: string }, options: ChangeOptions = {}) {
  const actor = workerActor();
  return runChange(
    actor,
    async (tx, now) => {
      const audit = await completeErasureInTransaction(tx, { requestId, actor, now });
      return { result: audit !== null, audit: audit ?? [] };
    },
    options,
  );
}

/**
 * The completion inside the caller's change transaction: the acknowledgement that confirms the
 * last pending system completes the erasure at once, so it never waits for the worker's sweep.
 * The person's final email is queued in the same transaction.
 * Answers the audit entry to append, or null when the erasure is not (yet) complete.
 */
export async function completeErasureInTransaction(tx: Tx, { requestId, actor, now }: { requestId: string; actor: Actor; now: Date }): Promise<AuditInput | null> {
  const request = await claimDataRequest(tx, requestId, "ERASURE", ["AWAITING_SYSTEMS"]);
  if (!request) return null;
  if ((await findPendingErasureSystems(tx, request)).length > 0) return null;
  // No task is open here (an open one holds the erasure up), so closing cancels none.
  await closeDataRequest(tx, { request: { id: requestId, personId: request.personId, type: "ERASURE" }, status: "COMPLETED", step: "completed", actor, now });
  await enqueueJobs(tx, await queueErasureFinalEmail(tx, request), now);
  return { action: "request.status_changed", personId: request.personId, target: `DataRequest:${requestId}`, details: { from: "AWAITING_SYSTEMS", to: "COMPLETED" } };
}
