// The reference webhook receiver: what a connected system does with Omadata's webhooks.
//   WEBHOOK_SECRET=whsec_… OMADATA_URL=http://localhost:3000 OMADATA_API_KEY=omk_… npx tsx scripts/example-receiver.ts
// 1. Verifies the Standard Webhooks signature over the raw body (any of the secrets: during a
//    rotation both the old and the new secret sign). 2. De-duplicates by webhook-id (delivery is
//    at least once). 3. Keeps a replica: every event about a person carries the person's whole
//    state as of its `sequence` (data.person, data.consents, data.restricted, data.erased), so it
//    applies that state only if the sequence is above the last one applied for the person and
//    otherwise ignores the event; any order of arrival ends in the same replica.
// 4. Acknowledges person.erased through the API (Idempotency-Key: ack-<event id>).
// 5. Catches up through GET /api/v1/events?after=<cursor> (catchUp), e.g. after being down.
// It uses only node:http, fetch and the standardwebhooks package; its state is in memory.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { Webhook } from "standardwebhooks";

export interface OmadataEvent {
  id: string;
  type: string;
  occurredAt: string;
  personId: string | null;
  sequence: number | null;
  /** System key → every id that system holds for the person (sorted); several ids per system are possible. */
  externalIds: Record<string, string[]>;
  data: Record<string, unknown>;
}

/** What the replica keeps of one person: the state of the last event applied. */
export interface ReplicaEntry {
  sequence: number;
  person: Record<string, unknown>;
  consents: Record<string, unknown>[];
  restricted: boolean;
  erased: boolean;
}

/** Person id → their state as last applied. */
export type Replica = Map<string, ReplicaEntry>;

/**
 * The rule: an event about a person (data.person present) replaces the person's state only if its
 * sequence is above the last one applied; otherwise it is ignored. Events not about a person
 * (purpose.*, system.test) carry no state. Returns whether the event was applied.
 */
export function applyEvent(replica: Replica, event: OmadataEvent): boolean {
  const data = event.data as { person?: Record<string, unknown>; consents?: Record<string, unknown>[]; restricted?: boolean; erased?: boolean };
  if (!event.personId || event.sequence === null || !data.person) return false;
  if (event.sequence <= (replica.get(event.personId)?.sequence ?? 0)) return false;
  replica.set(event.personId, { sequence: event.sequence, person: data.person, consents: data.consents ?? [], restricted: data.restricted ?? false, erased: data.erased ?? false });
  return true;
}

/**
 * Reads GET /api/v1/events from `after` until no more events are ready, handing each to `onEvent`
 * in order; returns the cursor to resume from next time (keep it, e.g. beside the replica).
 */
export async function catchUp({ apiUrl, apiKey, after, onEvent }: { apiUrl: string; apiKey: string; after: string | null; onEvent: (event: OmadataEvent) => void | Promise<void> }) {
  let cursor = after;
  for (;;) {
    const response = await fetch(`${apiUrl}/api/v1/events?limit=200${cursor ? `&after=${cursor}` : ""}`, { headers: { authorization: `Bearer ${apiKey}` } });
    if (!response.ok) throw new Error(`events feed failed: ${response.status}`);
    const page = (await response.json()) as { items: OmadataEvent[]; nextCursor: string | null; hasMore: boolean };
    for (const event of page.items) await onEvent(event);
    cursor = page.nextCursor ?? cursor;
    if (!page.hasMore) return cursor;
  }
}

export interface ReceiverOptions {
  secrets: string[];
  port?: number;
  host?: string;
  /** Where to acknowledge erasures; without them erasures are not acknowledged. */
  apiUrl?: string;
  apiKey?: string;
  /** Called for each verified event whose state was applied to the replica (act on your own data here). */
  onEvent?: (event: OmadataEvent, webhookId: string) => void | Promise<void>;
}

export interface RunningReceiver {
  url: string;
  port: number;
  /** Each person's state as last applied. */
  replica: Replica;
  /** Applied events, in order of arrival. */
  applied: { webhookId: string; event: OmadataEvent }[];
  /** Requests refused because their signature did not verify. */
  rejected: number;
  duplicates: number;
  stale: number;
  acknowledged: string[];
  /** Reads the events feed from where the last catch-up ended (needs apiUrl and apiKey). */
  catchUp(): Promise<void>;
  close(): Promise<void>;
}

/** Returns the event if any of the secrets verifies the body, else null. */
export function verifyWebhook(body: string, headers: Record<string, string>, secrets: string[]): OmadataEvent | null {
  for (const secret of secrets) {
    try {
      return new Webhook(secret).verify(body, headers) as OmadataEvent;
    } catch {
      // try the next secret
    }
  }
  return null;
}

const readBody = (request: IncomingMessage, limit = 1024 * 1024) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) reject(new Error("body too large"));
      else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });

export async function startReceiver(options: ReceiverOptions): Promise<RunningReceiver> {
  const seen = new Set<string>();
  const state: Omit<RunningReceiver, "url" | "port" | "close" | "catchUp"> = { replica: new Map(), applied: [], rejected: 0, duplicates: 0, stale: 0, acknowledged: [] };
  let feedCursor: string | null = null;

  const acknowledge = async (event: OmadataEvent) => {
    if (!options.apiUrl || !options.apiKey) return;
    const response = await fetch(`${options.apiUrl}/api/v1/acknowledgements`, {
      method: "POST",
      headers: { authorization: `Bearer ${options.apiKey}`, "content-type": "application/json", "idempotency-key": `ack-${event.id}` },
      body: JSON.stringify({ eventId: event.id, status: "done", note: "Erased from the example receiver." }),
    });
    if (!response.ok) throw new Error(`acknowledgement failed: ${response.status}`);
    state.acknowledged.push(event.id);
  };

  const server = createServer(async (request, response) => {
    const answer = (status: number, body: Record<string, unknown>) => response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (request.method !== "POST") return answer(405, { error: "POST only" });
    try {
      const body = await readBody(request);
      const headers = Object.fromEntries(["webhook-id", "webhook-timestamp", "webhook-signature"].map((h) => [h, String(request.headers[h] ?? "")]));
      const event = verifyWebhook(body, headers, options.secrets);
      if (!event) {
        state.rejected += 1;
        return answer(401, { error: "signature does not verify" });
      }
      const webhookId = headers["webhook-id"]!;
      if (seen.has(webhookId)) {
        state.duplicates += 1;
        return answer(200, { duplicate: true });
      }
      // An erasure is acknowledged whatever the order: the ack is about the request, not state.
      if (event.type === "person.erased") await acknowledge(event);
      const fresh = event.personId !== null && event.sequence !== null && event.sequence > (state.replica.get(event.personId)?.sequence ?? 0);
      if (fresh) await options.onEvent?.(event, webhookId);
      // Only now is it done: a failure above answers 5xx and Omadata sends it again.
      seen.add(webhookId);
      if (event.personId && !applyEvent(state.replica, event)) {
        state.stale += 1;
        return answer(200, { stale: true });
      }
      state.applied.push({ webhookId, event });
      return answer(200, { ok: true });
    } catch (error) {
      return answer(503, { error: error instanceof Error ? error.message : "failed" });
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    port,
    async catchUp() {
      if (!options.apiUrl || !options.apiKey) throw new Error("catching up needs apiUrl and apiKey");
      feedCursor = await catchUp({
        apiUrl: options.apiUrl, apiKey: options.apiKey, after: feedCursor,
        onEvent: async (event) => {
          const fresh = event.personId !== null && event.sequence !== null && event.sequence > (state.replica.get(event.personId)?.sequence ?? 0);
          if (fresh) await options.onEvent?.(event, `feed:${event.id}`);
          if (applyEvent(state.replica, event)) state.applied.push({ webhookId: `feed:${event.id}`, event });
        },
      });
    },
    url: `http://${options.host ?? "127.0.0.1"}:${port}/webhooks`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const secrets = (process.env.WEBHOOK_SECRET ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (secrets.length === 0) {
    console.error("Set WEBHOOK_SECRET to the system's whsec_… secret (comma-separated during a rotation).");
    process.exit(78);
  }
  const receiver = await startReceiver({
    secrets,
    port: Number(process.env.RECEIVER_PORT ?? 4000),
    host: process.env.RECEIVER_HOST ?? "127.0.0.1",
    apiUrl: process.env.OMADATA_URL,
    apiKey: process.env.OMADATA_API_KEY,
    onEvent: (event, webhookId) => console.log(JSON.stringify({ webhookId, id: event.id, type: event.type, personId: event.personId, sequence: event.sequence })),
  });
  console.log(`Receiving webhooks on ${receiver.url}`);
}
