import type { JobInput } from "../queue/enqueue-job";
import { enqueueJob } from "../queue/enqueue-job";
import type { JobHandler } from "../queue/job-handler";
import type { RecurringJob } from "../queue/recurring-job";
import { IMPORT_LEASE_MS } from "./claim-import-job";
import { runImportPass } from "./run-import-pass";
import { sweepImportChunks } from "./sweep-import-chunks";

export const IMPORT_JOB_KIND = "import.pass";
/** When a file's other run holds it, or this run stopped with its worker, look again this much later. */
const RETRY_SOON_MS = 5_000;

/** The pass over one import, queued in the change that starts it; one per import (dedupe key). */
export function importPassJob(importJobId: string, runAt?: Date): JobInput {
  return { kind: IMPORT_JOB_KIND, key: `import:${importJobId}`, dedupeKey: `import:${importJobId}`, payload: { importJobId }, runAt };
}

/** A follow-up pass, queued by the running one: its own job still holds the dedupe key, and the import's own lease keeps runs apart. */
function followUp(importJobId: string, runAt: Date): JobInput {
  return { ...importPassJob(importJobId, runAt), dedupeKey: undefined };
}

/**
 * Runs one import (one transaction, see runImportPass). When it could not start or did not finish,
 * it queues itself again: the worker stopped mid-file (rolled back, QUEUED again), another run of
 * the same file is going on, or another worker holds the import (looked at again when that
 * worker's lease ends, so an import whose worker died is taken over).
 */
export const importPassJobHandler: JobHandler = {
  kind: IMPORT_JOB_KIND,
  // The pass is one transaction of up to IMPORT_TIMEOUT_MS: the queue's common lease would run out
  // mid-pass and let another worker start the same job.
  leaseMs: IMPORT_LEASE_MS,
  async run(job, { prisma, now, workerId, signal }) {
    const importJobId = String(job.payload.importJobId);
    await runImportPass({ prisma, workerId, now, signal, importJobId });
    const left = await prisma.importJob.findUnique({ where: { id: importJobId }, select: { status: true, leaseUntil: true } });
    if (left?.status === "QUEUED") await enqueueJob(prisma, followUp(importJobId, new Date(now.getTime() + RETRY_SOON_MS)));
    else if (left?.status === "RUNNING" && left.leaseUntil) await enqueueJob(prisma, followUp(importJobId, new Date(left.leaseUntil.getTime() + 1_000)));
  },
};

/**
 * Every ten minutes, deletes the stored chunks of abandoned files (untouched for 24 h):
 * housekeeping no change causes, a self-scheduling queue job.
 */
export const importSweepJob: RecurringJob = {
  kind: "import.sweep",
  everyMs: 10 * 60_000,
  run: async (prisma, now) => {
    await sweepImportChunks(prisma, now);
    return false;
  },
};
