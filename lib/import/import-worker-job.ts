import type { WorkerJob } from "../worker/run-worker";
import { runImportPass } from "./run-import-pass";

/** The worker's import job: one bounded pass per tick; answers true while rows are left. */
export const importWorkerJob: WorkerJob = {
  name: "import",
  run: (prisma, now, context) => runImportPass({ prisma, workerId: context?.workerId ?? "worker", now, signal: context?.signal }),
};
