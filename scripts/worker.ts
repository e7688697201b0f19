// `npm run worker`: the worker alone, for scaling out on PostgreSQL (PGlite is one process only).
import { closeDatabase, getDatabase } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { workerJobs } from "../lib/worker/jobs";
import { startWorker } from "../lib/worker/run-worker";
import { loadConfigOrExit } from "./load-config";

const config = loadConfigOrExit();
if (config.storage !== "postgres") {
  console.error("npm run worker needs DATABASE_URL: the embedded database runs its worker inside the server.");
  process.exit(78);
}
const database = await getDatabase();
await migrate(database);
const worker = startWorker(database.prisma, { pollMs: config.WORKER_POLL_MS, jobs: workerJobs });

const stop = async () => {
  await worker.stop();
  await closeDatabase();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
