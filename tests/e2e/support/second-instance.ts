// A second instance of the built app (scripts/server.ts) for specs that need a configuration the
// suite's server must not have (no METRICS_TOKEN, HTTPS, STAFF_SSO_ONLY): its own port, its own
// temporary data directory and log, started in beforeAll and stopped in afterAll.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { request as apiRequest } from "@playwright/test";

export interface SecondInstanceOptions {
  /** How errors name it: "the HTTPS instance exited with 1: …". */
  name: string;
  /** Its temporary directory is omadata-e2e-<dirName>-XXXXXX. */
  dirName: string;
  port: number;
  /** Its APP_URL, and where /api/health is asked. */
  url: string;
  /** Variables on top of the suite's environment and the ones every instance has; a function when
   * they need the instance's directory (a certificate written there). */
  env?: Record<string, string> | ((dir: string) => Record<string, string>);
  /** Inherited variables to remove besides AUTH_URL, TEST_HOOKS, AUTH_SECRET and ENCRYPTION_KEY. */
  unset?: string[];
  /** "answer": any HTTP response from /api/health will do (even 503); "healthy": only a 200. */
  readyWhen: "answer" | "healthy";
  /** How long to wait for readiness before failing with the log's tail. */
  timeoutMs: number;
  /** For a self-signed certificate. */
  ignoreHttpsErrors?: boolean;
}

export interface SecondInstance {
  url: string;
  dir: string;
  /** Everything it has printed so far ("" once stopped). */
  log(): string;
  /** Resolves when it answers /api/health as readyWhen asks; rejects, naming the log's tail, if it
   * exits first or timeoutMs passes. */
  ready(): Promise<void>;
  /** SIGTERM, up to 15 s for a graceful exit, then SIGKILL; removes its directory. */
  stop(): Promise<void>;
}

/**
 * Spawns the instance at once and returns without waiting, so a beforeAll that assigns it before
 * `await instance.ready()` leaves afterAll something to stop even if the wait times out:
 *
 *   let instance: SecondInstance | undefined;
 *   test.beforeAll(async () => { instance = startSecondInstance({ … }); await instance.ready(); });
 *   test.afterAll(async () => instance?.stop());
 */
export function startSecondInstance(options: SecondInstanceOptions): SecondInstance {
  const { name, url, timeoutMs } = options;
  const dir = mkdtempSync(path.join(os.tmpdir(), `omadata-e2e-${options.dirName}-`));
  const logFile = path.join(dir, "server.log");
  const log = () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : "");
  const tail = () => log().slice(-4000);

  let env: NodeJS.ProcessEnv;
  try {
    env = {
      ...process.env,
      // Every instance: a fresh directory for its PGlite database and keys, no demo data.
      DATA_DIR: path.join(dir, "data"),
      PORT: String(options.port),
      HOST: "::",
      APP_URL: url,
      SEED_DEMO_DATA: "false",
      DATABASE_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? "",
      ...(typeof options.env === "function" ? options.env(dir) : options.env),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  // The suite's server's URL, secrets and test hooks would otherwise be inherited: the instance makes
  // its own secrets in its DATA_DIR and has no test hooks.
  for (const inherited of ["AUTH_URL", "TEST_HOOKS", "AUTH_SECRET", "ENCRYPTION_KEY", ...(options.unset ?? [])]) delete env[inherited];

  const server = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [server.stdout, server.stderr]) stream.on("data", (chunk: Buffer) => appendFileSync(logFile, chunk));

  return {
    url,
    dir,
    log,
    async ready() {
      const api = await apiRequest.newContext({ ignoreHTTPSErrors: options.ignoreHttpsErrors ?? false });
      try {
        for (const deadline = Date.now() + timeoutMs; ; await new Promise((resolve) => setTimeout(resolve, 500))) {
          if (server.exitCode !== null) throw new Error(`${name} exited with ${server.exitCode}:\n${tail()}`);
          const response = await api.get(`${url}/api/health`).catch(() => null);
          if (options.readyWhen === "answer" ? response !== null : response?.status() === 200) break;
          if (Date.now() > deadline) throw new Error(`${name} ${options.readyWhen === "answer" ? "did not answer" : "did not become healthy"}:\n${tail()}`);
        }
      } finally {
        await api.dispose();
      }
    },
    async stop() {
      if (server.exitCode === null) {
        const exited = once(server, "exit");
        server.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
        if (server.exitCode === null) server.kill("SIGKILL");
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
