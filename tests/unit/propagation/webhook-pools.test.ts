import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendWebhook } from "@/lib/propagation/send-webhook";

// A receiver that counts the connections it is sent over and answers per path: "/big" streams
// far more than 16 KiB and never ends on its own.
let server: http.Server;
let port = 0;
let connections = 0;
const hosts: string[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    hosts.push(String(req.headers.host));
    req.resume().on("end", () => {
      if (req.url !== "/big") return res.writeHead(200).end("ok");
      res.writeHead(200, { "content-type": "text/plain" });
      const chunk = "x".repeat(4096);
      const timer = setInterval(() => res.write(chunk), 1);
      res.on("close", () => clearInterval(timer));
    });
  });
  server.on("connection", () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("sendWebhook through the keep-alive pool", () => {
  it("connects only to the checked address: a name that resolves nowhere else reaches it, with its own Host header", async () => {
    const pinnedLookup = async () => [{ address: "127.0.0.1", family: 4 }];
    const result = await sendWebhook({ url: `http://receiver.invalid:${port}/hook`, body: "{}", headers: {}, timeoutMs: 2000, allowPrivate: true, lookup: pinnedLookup });
    expect(result).toMatchObject({ statusCode: 200, error: null, responseSnippet: "ok" });
    expect(hosts.at(-1)).toBe(`receiver.invalid:${port}`);
  });

  it("reuses warm connections for back-to-back tries to one receiver", async () => {
    const url = `http://127.0.0.1:${port}/hook`;
    const send = () => sendWebhook({ url, body: "{}", headers: {}, timeoutMs: 2000, allowPrivate: true });
    await Promise.all(Array.from({ length: 4 }, send));
    const warm = connections;
    for (let i = 0; i < 16; i += 1) expect((await send()).statusCode).toBe(200);
    expect(connections).toBe(warm);
  });

  it("reads only the first 16 KiB of an answer that does not end, and keeps a short snippet", async () => {
    const result = await sendWebhook({ url: `http://127.0.0.1:${port}/big`, body: "{}", headers: {}, timeoutMs: 5000, allowPrivate: true });
    expect(result).toMatchObject({ statusCode: 200, error: null });
    expect(result.responseSnippet).toHaveLength(500);
    expect(result.durationMs).toBeLessThan(5000);
  });
});
