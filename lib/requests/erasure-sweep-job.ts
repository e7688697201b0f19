import type { Prisma, PrismaClient } from "../db/generated/client";
import { describeError, log } from "../log";
import { enqueueJob, type JobInput } from "../queue/enqueue-job";
import type { JobHandler } from "../queue/job-handler";
import { completeErasure } from "./complete-erasure";

export const ERASURE_SWEEP_JOB_KIND = "erasure.sweep";
/** Waiting erasures looked at per run. */
export const ERASURE_SWEEP_BATCH = 10;
/** How often the sweep comes round once it has walked every waiting erasure. */
export const ERASURE_SWEEP_EVERY_MS = 60_000;

/**
 * The sweep's next run. Its dedupe key names the time it is for (and where it goes on from), so
 * workers that each make sure a sweep is queued at start, and a sweep that queues its successor,
 * agree on one chain.
 */
export function erasureSweepJob(runAt: Date, after: string | null = null): JobInput {
  const payload: Prisma.InputJsonObject = after ? { after } : {};
  return { kind: ERASURE_SWEEP_JOB_KIND, dedupeKey: `${ERASURE_SWEEP_JOB_KIND}:${runAt.toISOString()}${after ? `:${after}` : ""}`, payload, runAt, maxAttempts: 3 };
}

/** The start of the sweep's next slot after `now`: every worker computes the same one. */
export function nextSweepSlot(now: Date): Date {
  return new Date((Math.floor(now.getTime() / ERASURE_SWEEP_EVERY_MS) + 1) * ERASURE_SWEEP_EVERY_MS);
}

/**
 * The safety net behind the acknowledgement that completes its erasure at once: an erasure can
 * also stop waiting because a system no longer has to confirm (its settings changed, it was
 * removed), and nothing tells the erasure. Looks at one batch of waiting erasures after `after`,
 * completing those no system holds up; one that fails is logged and the rest go on. Answers
 * where the next batch starts, or null when it reached the end.
 */
export async function sweepWaitingErasures(prisma: PrismaClient, now: Date, after: string | null): Promise<string | null> {
  const waiting = await prisma.dataRequest.findMany({
    where: { type: "ERASURE", status: "AWAITING_SYSTEMS", ...(after ? { id: { gt: after } } : {}) },
    orderBy: { id: "asc" },
    take: ERASURE_SWEEP_BATCH,
    select: { id: true },
  });
  for (const { id } of waiting) {
    try {
      await completeErasure({ requestId: id }, { now, prisma });
    } catch (error) {
      log.error("requests.erasure_completion_failed", { requestId: id, ...describeError(error) });
    }
  }
  return waiting.length === ERASURE_SWEEP_BATCH ? waiting[waiting.length - 1]!.id : null;
}

/**
 * Walks every waiting erasure in turn, a batch per run from where the last run stopped, so
 * erasures that wait on a slow system never hide the others; then queues its own next run: the
 * next batch at once, or from the start in the next slot.
 */
export const erasureSweepJobHandler: JobHandler = {
  kind: ERASURE_SWEEP_JOB_KIND,
  async run(job, { prisma, now }) {
    const after = typeof job.payload.after === "string" ? job.payload.after : null;
    const next = await sweepWaitingErasures(prisma, now, after);
    await enqueueJob(prisma, next ? erasureSweepJob(now, next) : erasureSweepJob(nextSweepSlot(now)), now);
  },
};
