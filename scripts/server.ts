// The production server: Next.js behind a plain Node HTTP(S) server, so the client address and
// the scheme come from the socket (or a trusted proxy) rather than from headers a client could forge.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { TLSSocket } from "node:tls";
import next from "next";
import { configWarnings } from "../lib/config";
import { log } from "../lib/log";
import { getDatabase } from "../lib/db/client";
import { createMetrics } from "../lib/metrics/create-metrics";
import { metricsInterceptor } from "../lib/metrics/serve-metrics";
import { normaliseForwardedHeaders } from "../lib/runtime/normalise-forwarded-headers";
import { loadConfigOrExit, loadTlsOrExit } from "./load-config";

const config = loadConfigOrExit();
for (const message of configWarnings(config)) log.warn("config.warning", { message });
// TLS_CERT_FILE/TLS_KEY_FILE: serve HTTPS ourselves. Checked before Next.js starts, to fail fast.
const tls = loadTlsOrExit(config);
// Auth.js builds sign-in links from AUTH_URL when set; never from a request's Host header.
process.env.AUTH_URL ??= config.APP_URL;

// `npm run dev` passes --dev: the same server, with Next.js in development mode.
const dev = process.argv.includes("--dev");
const app = next({ dev, hostname: config.HOST, port: config.PORT });
const handle = app.getRequestHandler();

try {
  await app.prepare();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// METRICS_TOKEN set: /metrics answers here, before Next.js, and every other request is timed.
// A webhook try is counted once it is older than the longest a try can take, plus a minute.
const interceptMetrics = config.METRICS_TOKEN
  ? metricsInterceptor(createMetrics({ database: getDatabase, settleMs: config.WEBHOOK_TIMEOUT_MS + 60_000 }), config.METRICS_TOKEN)
  : null;

function onRequest(req: IncomingMessage, res: ServerResponse) {
  normaliseForwardedHeaders(req.headers, {
    encrypted: Boolean((req.socket as TLSSocket).encrypted),
    remoteAddress: req.socket.remoteAddress,
    trustProxy: config.TRUST_PROXY,
  });
  if (interceptMetrics?.(req, res)) return;
  void handle(req, res);
}

const server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, onRequest) : createHttpServer(onRequest);

server.listen(config.PORT, config.HOST, () => {
  console.log(`Omadata is ready on ${config.APP_URL} (storage: ${config.storage})`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing in-flight work`);
  server.close();
  // In-flight work gets a while to finish; a shutdown that hangs must not keep the process alive.
  setTimeout(() => {
    console.error(`${signal}: still stopping after 15 s, exiting`);
    process.exit(1);
  }, 15_000).unref();
  const runtime = (globalThis as { __omadataRuntime?: { stop(): Promise<void> } }).__omadataRuntime;
  await runtime?.stop().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
