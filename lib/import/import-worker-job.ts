import type { WorkerJob } from "../worker/run-worker";
import { runImportPass } from "./run-import-pass";
import { sweepImportChunks } from "./sweep-import-chunks";

/** The worker's import job: runs one queued file per tick; answers true when it ran one (more may wait). */
export const importWorkerJob: WorkerJob = {
  name: "import",
  run: (prisma, now, context) => runImportPass({ prisma, workerId: context?.workerId ?? "worker", now, signal: context?.signal }),
};

/** Deletes the stored chunks of abandoned files (untouched for 24 h). */
export const importSweepJob: WorkerJob = {
  name: "import-sweep",
  run: async (prisma, now) => {
    await sweepImportChunks(prisma, now);
  },
};
