// The pieces of a production-like deployment on one machine, for `npm run bench:load` and
// `npm run bench:faults`: a database of the bench's own on the PostgreSQL server, app instances
// (scripts/server.ts over the production build) and standalone workers as real child processes.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";

/** The PostgreSQL server to use: BENCH_DATABASE_URL, TEST_DATABASE_URL or the local default. */
export const serverUrl = () => process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://root@127.0.0.1:5432/postgres";

/** The URL of database `name` on `adminUrl`'s server, created when missing (or first dropped when `fresh`). */
export async function benchDatabase(name: string, { adminUrl = serverUrl(), fresh = false } = {}): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The environment every process of one deployment shares: the same secrets, no demo seeding. */
export function deploymentEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    LOG_LEVEL: "warn",
    SEED_DEMO_DATA: "false",
    TEST_HOOKS: "false",
    WORKER_IN_PROCESS: "false",
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
    API_RATE_LIMIT_PER_MINUTE: "100000000",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    ...extra,
  };
}

export interface ChildService {
  name: string;
  child: ChildProcess;
  output(): string;
  /** Sends the signal and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

function spawnService(name: string, script: string, args: string[], env: Record<string, string>): ChildService {
  // Node with tsx as its loader is one process, so a signal reaches the service itself.
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: process.cwd(), env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (c: Buffer) => {
    output = (output + c.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    name,
    child,
    output: () => output,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Waits until `url` answers 200, or fails naming the service and its last output. */
export async function waitForHealthy(service: ChildService, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) throw new Error(`${service.name} exited:\n${service.output()}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${service.name} did not answer ${url} in ${timeoutMs} ms:\n${service.output()}`);
}

/** An app instance (the production server over the existing build) on 127.0.0.1:`port`. */
export async function startAppInstance(name: string, port: number, env: Record<string, string>): Promise<ChildService & { url: string }> {
  const url = `http://127.0.0.1:${port}`;
  const service = spawnService(name, "scripts/server.ts", [], { ...env, PORT: String(port), HOST: "127.0.0.1", APP_URL: url });
  await waitForHealthy(service, `${url}/api/health`);
  return { ...service, url };
}

/** A standalone worker (`npm run worker`). */
export function startWorkerService(name: string, env: Record<string, string>): ChildService {
  return spawnService(name, "scripts/worker.ts", [], env);
}

/** Percentiles of a list of milliseconds. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
