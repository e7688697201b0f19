// One HTTP POST of a signed webhook: the host is checked and pinned (connect only to the
// address that was checked), redirects are never followed (node:http does not), the whole
// exchange has a time limit and only the first bytes of the answer are read.
import http from "node:http";
import https from "node:https";
import type { LookupAddress } from "node:dns";
import { checkOutboundUrl, type Lookup } from "./check-outbound-address";

export interface WebhookRequest {
  url: string;
  body: string;
  /** The Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature). */
  headers: Record<string, string>;
  timeoutMs: number;
  allowPrivate: boolean;
  lookup?: Lookup;
}

export interface WebhookResult {
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  responseSnippet: string | null;
}

const MAX_RESPONSE_BYTES = 16 * 1024;
const SNIPPET_CHARS = 500;
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 64 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

const describe = (error: unknown) => {
  const e = error as NodeJS.ErrnoException;
  return (e?.code ? `${e.code}: ${e.message}` : String(e?.message ?? error)).slice(0, 300);
};

export async function sendWebhook(request: WebhookRequest): Promise<WebhookResult> {
  const started = performance.now();
  const result = (partial: Partial<WebhookResult>): WebhookResult => ({
    statusCode: null, error: null, responseSnippet: null, ...partial, durationMs: Math.round(performance.now() - started),
  });
  let pinned: LookupAddress;
  try {
    [pinned] = (await checkOutboundUrl(request.url, { allowPrivate: request.allowPrivate, lookup: request.lookup })) as [LookupAddress];
  } catch (error) {
    return result({ error: `refused: ${describe(error)}` });
  }
  const url = new URL(request.url);
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (partial: Partial<WebhookResult>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result(partial));
    };
    const outgoing = client.request(
      url,
      {
        method: "POST",
        agent: agents[url.protocol as "http:" | "https:"],
        headers: { "content-type": "application/json", "user-agent": "Omadata-Webhooks/1", ...request.headers },
        // Connect to the checked address only: a second DNS answer could point elsewhere.
        lookup: ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) =>
          options.all ? callback(null, [pinned]) : callback(null, pinned.address, pinned.family)) as never,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => finish({ statusCode: response.statusCode ?? null, responseSnippet: snippet(chunks) });
        response.on("data", (chunk: Buffer) => {
          if (size >= MAX_RESPONSE_BYTES) return;
          chunks.push(chunk);
          size += chunk.length;
          if (size >= MAX_RESPONSE_BYTES) {
            done();
            response.destroy();
          }
        });
        response.on("end", done);
        response.on("error", done);
        response.on("aborted", done);
      },
    );
    const timer = setTimeout(() => {
      finish({ error: `timeout after ${request.timeoutMs} ms` });
      outgoing.destroy();
    }, request.timeoutMs);
    outgoing.on("error", (error) => finish({ error: describe(error) }));
    outgoing.end(request.body);
  });
}

function snippet(chunks: Buffer[]): string | null {
  if (chunks.length === 0) return null;
  const text = Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString("utf8").replace(/\uFFFD+$/, "");
  return text.slice(0, SNIPPET_CHARS);
}
