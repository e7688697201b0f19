// The worker's request jobs: build exports, expire old ones, run erasures whose cooling-off
// period has ended, complete acknowledged erasures with their final email, and the officers'
// daily digest. Each takes a bounded batch per pass and claims work with FOR UPDATE SKIP LOCKED.
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

export const erasureJob: WorkerJob = {
  name: "requests.erasures",
  run: async (prisma, now) => {
    const due = await executeDueErasures(prisma, now);
    const waiting = await prisma.dataRequest.findMany({ where: { type: "ERASURE", status: "AWAITING_SYSTEMS" }, orderBy: { updatedAt: "asc" }, take: ERASURE_BATCH, select: { id: true } });
    for (const { id } of waiting) await completeErasure({ requestId: id }, { now, prisma });
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
