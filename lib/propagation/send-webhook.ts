// One HTTP POST of a signed webhook: the host is checked and pinned (connect only to the
// address that was checked), redirects are never followed (undici's Pool does not), the whole
// exchange has a time limit and only the first bytes of the answer are read.
import type { LookupAddress } from "node:dns";
import { checkOutboundUrl, type Lookup } from "./check-outbound-address";
import { poolFor } from "./webhook-pools";

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
/** A checked address is reused this long: a busy worker would otherwise resolve and check the host for every try. */
const CHECK_CACHE_MS = 5_000;
const checked = new Map<string, { address: LookupAddress; until: number }>();

const describe = (error: unknown) => {
  const e = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const inner = e?.cause?.code ? e.cause : e;
  return (inner?.code ? `${inner.code}: ${inner.message}` : String(inner?.message ?? error)).slice(0, 300);
};

/** The address to connect to, checked (refused when private unless allowed); cached briefly unless a lookup is given. */
async function pinnedAddress(request: WebhookRequest, url: URL): Promise<LookupAddress> {
  const key = `${url.protocol}//${url.host}|${request.allowPrivate}`;
  const hit = request.lookup ? undefined : checked.get(key);
  if (hit && hit.until > Date.now()) return hit.address;
  const [address] = (await checkOutboundUrl(request.url, { allowPrivate: request.allowPrivate, lookup: request.lookup })) as [LookupAddress];
  if (!request.lookup) checked.set(key, { address, until: Date.now() + CHECK_CACHE_MS });
  return address;
}

export async function sendWebhook(request: WebhookRequest): Promise<WebhookResult> {
  const started = performance.now();
  const result = (partial: Partial<WebhookResult>): WebhookResult => ({
    statusCode: null, error: null, responseSnippet: null, ...partial, durationMs: Math.round(performance.now() - started),
  });
  let url: URL;
  let pinned: LookupAddress;
  try {
    url = new URL(request.url);
    pinned = await pinnedAddress(request, url);
  } catch (error) {
    return result({ error: `refused: ${describe(error)}` });
  }
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), request.timeoutMs);
  try {
    const response = await poolFor(url.origin, pinned).request({
      method: "POST",
      path: `${url.pathname}${url.search}`,
      headers: { "content-type": "application/json", "user-agent": "Omadata-Webhooks/1", ...request.headers },
      body: request.body,
      signal: abort.signal,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= MAX_RESPONSE_BYTES) {
        response.body.destroy();
        break;
      }
    }
    return result({ statusCode: response.statusCode, responseSnippet: snippet(chunks) });
  } catch (error) {
    return result({ error: abort.signal.aborted ? `timeout after ${request.timeoutMs} ms` : describe(error) });
  } finally {
    clearTimeout(timer);
  }
}

function snippet(chunks: Buffer[]): string | null {
  if (chunks.length === 0) return null;
  const text = Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString("utf8").replace(/\uFFFD+$/, "");
  return text.slice(0, SNIPPET_CHARS);
}
