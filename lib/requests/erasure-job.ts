import type { JobInput } from "../queue/enqueue-job";
import type { JobHandler } from "../queue/job-handler";
import { completeErasure } from "./complete-erasure";
import { executeErasure } from "./execute-erasure";

export const ERASURE_JOB_KIND = "erasure.execute";

/**
 * The erasure's step after its cooling-off period, queued in the change that schedules it. One
 * per request (dedupe key); it carries the person so a queue view can tell whose it is, and each
 * erasure has its own key, so one that keeps failing never holds up another.
 */
export function erasureJob({ requestId, personId, runAt }: { requestId: string; personId: string | null; runAt: Date }): JobInput {
  return { kind: ERASURE_JOB_KIND, key: `erasure:${requestId}`, dedupeKey: `erasure:${requestId}`, personId, payload: { requestId }, runAt };
}

/** Thrown when the erasure is due and open but could not be taken (another transaction holds the request): try again later. */
class ErasureBusyError extends Error {
  constructor() {
    super("the erasure request is held by another transaction");
    this.name = "ErasureBusyError";
  }
}

/**
 * Carries a due erasure forward: runs it, then completes it at once when no system has to confirm
 * it (otherwise the last acknowledgement or task completes it). An officer's approval erases in
 * its own change and queues this job for the completion. Does nothing when the erasure was
 * cancelled or denied meanwhile. A failure (e.g. the person became staff) throws, so the queue
 * backs off and, after the last attempt, leaves the job DEAD with a notice to admins.
 */
export const erasureJobHandler: JobHandler = {
  kind: ERASURE_JOB_KIND,
  async run(job, { prisma, now }) {
    const requestId = String(job.payload.requestId);
    const executed = await executeErasure({ requestId }, { now, prisma });
    const request = await prisma.dataRequest.findUnique({ where: { id: requestId }, select: { type: true, status: true, scheduledFor: true } });
    if (request?.type !== "ERASURE") return;
    if (request.status === "AWAITING_SYSTEMS") {
      await completeErasure({ requestId }, { now, prisma });
      return;
    }
    const stillDue = !executed && (request.status === "RECEIVED" || request.status === "IN_PROGRESS") && request.scheduledFor !== null && request.scheduledFor <= now;
    if (stillDue) throw new ErasureBusyError();
  },
};
