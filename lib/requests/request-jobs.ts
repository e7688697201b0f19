// The worker's request jobs: build exports, expire old ones, run erasures whose cooling-off
// period has ended, complete acknowledged erasures with their final email, and the officers'
// daily digest. Each takes a bounded batch per pass and claims work with FOR UPDATE SKIP LOCKED.
import type { PrismaClient } from "../db/generated/client";
import { describeError, log } from "../log";
import type { WorkerJob } from "../worker/run-worker";
import { completeErasure } from "./complete-erasure";
import { EXPORT_BATCH, buildPendingExports } from "./build-pending-exports";
import { ERASURE_BATCH, executeDueErasures } from "./execute-due-erasures";
import { expireDataExports } from "./expire-data-exports";
import { sendErasureFinalEmails } from "./send-erasure-final-emails";
import { sendOfficerDigest } from "./send-officer-digest";

export const exportJob: WorkerJob = {
  name: "requests.build-exports",
  run: async (prisma, now, context?: { workerId: string }) => (await buildPendingExports(prisma, now, context?.workerId ?? "worker")) === EXPORT_BATCH,
};

export const expireExportsJob: WorkerJob = {
  name: "requests.expire-exports",
  run: async (prisma, now) => {
    await expireDataExports(prisma, now);
  },
};

/**
 * Where this worker's sweep of waiting erasures goes on. An acknowledgement completes its
 * erasure at once (recordAcknowledgement); the sweep catches the rest (a system that no longer
 * needs to acknowledge) and walks all waiting erasures in turn, a batch per pass, so erasures
 * that wait on a slow system never hide the others.
 */
let sweepAfter: string | null = null;

async function sweepWaitingErasures(prisma: PrismaClient, now: Date) {
  const waiting = await prisma.dataRequest.findMany({
    where: { type: "ERASURE", status: "AWAITING_SYSTEMS", ...(sweepAfter ? { id: { gt: sweepAfter } } : {}) },
    orderBy: { id: "asc" },
    take: ERASURE_BATCH,
    select: { id: true },
  });
  sweepAfter = waiting.length === ERASURE_BATCH ? waiting[waiting.length - 1]!.id : null;
  for (const { id } of waiting) {
    // One erasure that fails is logged and left for the next sweep; the others go on.
    try {
      await completeErasure({ requestId: id }, { now, prisma });
    } catch (error) {
      log.error("requests.erasure_completion_failed", { requestId: id, ...describeError(error) });
    }
  }
}

export const erasureJob: WorkerJob = {
  name: "requests.erasures",
  run: async (prisma, now) => {
    const due = await executeDueErasures(prisma, now);
    await sweepWaitingErasures(prisma, now);
    await sendErasureFinalEmails(prisma, now);
    return due === ERASURE_BATCH;
  },
};

export const officerDigestJob: WorkerJob = {
  name: "requests.officer-digest",
  run: async (prisma, now) => {
    await sendOfficerDigest(prisma, now);
  },
};

export const requestJobs: WorkerJob[] = [exportJob, expireExportsJob, erasureJob, officerDigestJob];
