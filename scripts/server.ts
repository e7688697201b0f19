// The production server: Next.js behind a plain Node HTTP server, so the client address comes
// from the socket (or a trusted proxy) rather than from headers a client could forge.
import { createServer } from "node:http";
import next from "next";
import { CLIENT_IP_HEADER } from "../lib/auth/client-ip";
import { loadConfigOrExit } from "./load-config";

const config = loadConfigOrExit();
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

const server = createServer((req, res) => {
  const forwarded = config.TRUST_PROXY ? String(req.headers["x-forwarded-for"] ?? "").split(",").pop()?.trim() : undefined;
  req.headers[CLIENT_IP_HEADER] = forwarded || req.socket.remoteAddress || "";
  void handle(req, res);
});

server.listen(config.PORT, config.HOST, () => {
  console.log(`Omadata is ready on ${config.APP_URL} (storage: ${config.storage})`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing in-flight work`);
  server.close();
  const runtime = (globalThis as { __omadataRuntime?: { stop(): Promise<void> } }).__omadataRuntime;
  await runtime?.stop().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
