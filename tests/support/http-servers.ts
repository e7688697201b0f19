// Small real HTTP servers on 127.0.0.1 for the propagation tests: a scriptable capture server
// and a free-port finder. The reference receiver (scripts/example-receiver.ts) is the other one.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface CapturedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface CaptureServer {
  url: string;
  port: number;
  requests: CapturedRequest[];
  /** Decides each answer; default 200. Return null to never answer (the request hangs). */
  respond: (request: CapturedRequest, index: number) => number | null;
  close(): Promise<void>;
}

export async function startCaptureServer(port = 0): Promise<CaptureServer> {
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const captured = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() };
      capture.requests.push(captured);
      const status = capture.respond(captured, capture.requests.length - 1);
      if (status === null) hanging.push(res);
      else res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : `status ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actual = (server.address() as AddressInfo).port;
  const capture: CaptureServer = {
    url: `http://127.0.0.1:${actual}/hook`,
    port: actual,
    requests: [],
    respond: () => 200,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return capture;
}

/** A port nothing listens on (yet): bind, read, release. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls until `check` returns a truthy value, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T> | T, { timeoutMs = 20_000, intervalMs = 50, what = "condition" } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export interface Relay {
  url: string;
  /** Rewrites the body on its way (a man in the middle); identity by default. */
  transform: (body: string) => string;
  close(): Promise<void>;
}

/** Forwards each POST to `target` with its webhook headers, through `transform`, and answers what the target answered. */
export async function startRelay(target: string): Promise<Relay> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const headers = Object.fromEntries(["content-type", "webhook-id", "webhook-timestamp", "webhook-signature"].map((h) => [h, String(req.headers[h] ?? "")]));
      try {
        const response = await fetch(target, { method: "POST", headers, body: relay.transform(Buffer.concat(chunks).toString("utf8")) });
        res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
      } catch {
        res.writeHead(502).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const relay: Relay = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/relay`,
    transform: (body) => body,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  return relay;
}
