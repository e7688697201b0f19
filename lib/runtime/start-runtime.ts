// What the server process does before it serves: validate the configuration, open and
// migrate the database, seed demo data into an empty one, and start the in-process worker.
import { seedDemoData } from "../../prisma/seed";
import { getConfig } from "../config";
import { closeDatabase, getDatabase } from "../db/client";
import { migrate } from "../db/migrate";
import { log } from "../log";
import { workerJobs } from "../worker/jobs";
import { startWorker, type RunningWorker } from "../worker/run-worker";

interface Runtime {
  ready: Promise<void>;
  worker?: RunningWorker;
  stop(): Promise<void>;
}

const holder = globalThis as unknown as { __omadataRuntime?: Runtime };

export function startRuntime(): Promise<void> {
  if (holder.__omadataRuntime) return holder.__omadataRuntime.ready;
  const runtime: Runtime = {
    ready: Promise.resolve(),
    async stop() {
      await runtime.worker?.stop();
      await closeDatabase();
    },
  };
  runtime.ready = (async () => {
    const config = getConfig();
    const database = await getDatabase();
    const { applied } = await migrate(database);
    log.info("database.ready", { storage: config.storage, migrationsApplied: applied.length });
    if (config.SEED_DEMO_DATA && (await seedDemoData(database.prisma))) log.info("database.demo_data_seeded");
    // Says whether the two local-only surfaces are on, so an operator sees it at every start.
    const outboxServed = config.LOCAL_OUTBOX && !config.SMTP_URL;
    log.info("dev_surfaces", { localOutbox: outboxServed ? "on" : "off", testHooks: config.TEST_HOOKS ? "on" : "off" });
    if (!config.SMTP_URL) {
      log.warn("email.local_outbox", {
        note: outboxServed
          ? `SMTP_URL is not set: emails are kept in the local outbox, served at ${config.APP_URL}/dev/outbox to loopback clients (LOCAL_OUTBOX=false turns it off)`
          : "SMTP_URL is not set: emails are kept in the local outbox table, and /dev/outbox is off (LOCAL_OUTBOX=true serves it to loopback clients)",
      });
    }
    if (config.TEST_HOOKS) log.warn("test_hooks.enabled", { note: "TEST_HOOKS=true: browser-test helpers are served to loopback clients" });
    if (config.WORKER_IN_PROCESS) runtime.worker = startWorker(database.prisma, { pollMs: config.WORKER_POLL_MS, jobs: workerJobs });
  })();
  holder.__omadataRuntime = runtime;
  return runtime.ready;
}

export async function stopRuntime(): Promise<void> {
  await holder.__omadataRuntime?.stop();
}
