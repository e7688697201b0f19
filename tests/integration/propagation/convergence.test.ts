// Convergence: a receiver that keeps a replica by the README's rule (apply an event's state only if
// its sequence is above the last applied for the person; the reference receiver's applyEvent) ends
// with Omadata's state for every person, whatever order, failures and retries the deliveries went
// through. Random changes (corrections, grants, withdrawals, withdraw-all, restrictions and their
// lifting, erasures) are made through the domain functions the portal and the API call, while two
// workers deliver to a receiver that answers 500, slowly, not in time, or drops the connection,
// for a while, at seeded random. A second system is down for the first half and converges only
// through GET /api/v1/events?after=.
//
// On PostgreSQL the two workers are separate processes (scripts/worker.ts). PGlite is one
// connection in this process, so there the two workers are two in-process workers (startWorker)
// side by side.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overrideConfig } from "@/lib/config";
import { grantConsent } from "@/lib/consents/grant-consent";
import { withdrawAllMarketing } from "@/lib/consents/withdraw-all-marketing";
import { withdrawConsent } from "@/lib/consents/withdraw-consent";
import { AppError } from "@/lib/errors";
import { correctPerson } from "@/lib/persons/correct-person";
import { eventTypes } from "@/lib/propagation/event-types";
import { executeErasure } from "@/lib/requests/execute-erasure";
import { liftRestriction } from "@/lib/requests/lift-restriction";
import { requestErasure } from "@/lib/requests/request-erasure";
import { requestRestriction } from "@/lib/requests/request-restriction";
import { workerJobs } from "@/lib/worker/jobs";
import { startWorker, type RunningWorker } from "@/lib/worker/run-worker";
import { applyEvent, catchUp, verifyWebhook, type OmadataEvent, type Replica } from "../../../scripts/example-receiver";
import { uniqueEmail } from "../../factories/persons";
import { createPublishedPurpose } from "../../factories/purposes";
import { createOfficer } from "../../factories/requests";
import { createKey, createSystem } from "../../factories/systems";
import { api } from "../../support/api-client";
import { startApiServer } from "../../support/api-server";
import { waitFor } from "../../support/http-servers";
import { setupTestDatabase, testBackend, type TestDatabase } from "../../support/test-database";
import { startWorkerProcess, type WorkerProcess } from "../../support/worker-process";

const postgres = testBackend() === "postgres";
/** The figures on PostgreSQL; PGlite runs everything on one connection in this process. */
const PERSONS = postgres ? 200 : 200;
const CHANGES = postgres ? 2000 : 2000;
const TIMEOUT_MS = 800;
/** Ten tries a second apart: the faulty phase cannot use them all up for one delivery. */
const RETRY_SCHEDULE = "0,1,1,1,1,1,1,1,1,1,1,1";
/** The receiver misbehaves for its first this many requests, then answers every one. */
const FAULTY_REQUESTS = 1500;

/** mulberry32: the same seed gives the same sequence of changes and of failures. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface FaultyReceiver {
  url: string;
  replica: Replica;
  requests: number;
  faults: Record<string, number>;
  close(): Promise<void>;
}

/**
 * A webhook receiver that keeps a replica by the rule and misbehaves at seeded random for its
 * first FAULTY_REQUESTS requests: 500 (nothing applied), a slow 200, an answer after the worker's
 * time limit (applied, but the worker counts it failed and sends it again), a dropped connection
 * (nothing applied). It reorders nothing itself; the parallel deliveries and retries do.
 */
async function startFaultyReceiver(secret: string, seed: number): Promise<FaultyReceiver> {
  const random = seeded(seed);
  const state = { replica: new Map() as Replica, requests: 0, faults: { ok: 0, error500: 0, slow: 0, timeout: 0, dropped: 0 } as Record<string, number> };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const index = state.requests++;
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(["webhook-id", "webhook-timestamp", "webhook-signature"].map((h) => [h, String(request.headers[h] ?? "")]));
      const event = verifyWebhook(body, headers, [secret]);
      if (!event) return response.writeHead(401).end();
      const roll = index < FAULTY_REQUESTS ? random() : 1;
      const ok = () => response.writeHead(200).end("ok");
      if (roll < 0.15) {
        state.faults.error500! += 1;
        return response.writeHead(500).end("failed");
      }
      if (roll < 0.2) {
        state.faults.dropped! += 1;
        return request.socket.destroy();
      }
      applyEvent(state.replica, event);
      if (roll < 0.3) {
        state.faults.slow! += 1;
        return setTimeout(ok, 150);
      }
      if (roll < 0.35) {
        state.faults.timeout! += 1;
        return setTimeout(() => response.writableEnded || response.destroyed || ok(), TIMEOUT_MS + 400);
      }
      state.faults.ok! += 1;
      ok();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/hook`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  });
}

let t: TestDatabase;
let apiServer: Awaited<ReturnType<typeof startApiServer>>;
let receiver: FaultyReceiver;
let webhookKey: string;
let feedKey: string;
const feedReplica: Replica = new Map();
let feedCursor: string | null = null;
const personIds: string[] = [];
const processes: WorkerProcess[] = [];
const inProcess: RunningWorker[] = [];

beforeAll(async () => {
  const env = { WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", WEBHOOK_RETRY_SCHEDULE: RETRY_SCHEDULE, WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS), API_RATE_LIMIT_PER_MINUTE: "1000000" };
  overrideConfig(env);
  t = await setupTestDatabase();
  apiServer = await startApiServer();
}, 60_000);
afterAll(async () => {
  await Promise.all([...processes.map((p) => p.kill("SIGKILL")), ...inProcess.map((w) => w.stop())]);
  await receiver?.close();
  await apiServer?.close();
  await t.drop();
});

/**
 * Reads the feed system's events from where it stopped, applying each by the rule. A reset
 * keep-alive connection is tried again, as any client would: applying is idempotent.
 */
const readFeed = async () => {
  for (let attempt = 1; ; attempt++) {
    try {
      feedCursor = await catchUp({ apiUrl: apiServer.url, apiKey: feedKey, after: feedCursor, onEvent: (event: OmadataEvent) => void applyEvent(feedReplica, event) });
      return;
    } catch (error) {
      if (!(error instanceof TypeError) || attempt === 3) throw error;
    }
  }
};

/** What a receiver must end with for the person: GET /persons/{id} and its consents as `key` reads them. */
async function omadataState(personId: string, key: string) {
  const row = await t.database.prisma.person.findUniqueOrThrow({ where: { id: personId }, select: { sequence: true, erasedAt: true, restrictedAt: true } });
  if (row.erasedAt) {
    expect((await api("GET", `/api/v1/persons/${personId}`, { key })).status).toBe(410);
    return { sequence: row.sequence, person: { id: personId, sequence: row.sequence, erased: true }, consents: [], restricted: false, erased: true };
  }
  const person = await api("GET", `/api/v1/persons/${personId}`, { key });
  const consents = await api("GET", `/api/v1/persons/${personId}/consents`, { key });
  expect([person.status, consents.status]).toEqual([200, 200]);
  return { sequence: row.sequence, person: person.body, consents: consents.body.items, restricted: row.restrictedAt !== null, erased: false };
}

describe(`convergence (${postgres ? "two worker processes" : "two in-process workers"})`, () => {
  it(`${CHANGES} random changes over ${PERSONS} persons reach a flaky receiver's replica exactly`, async () => {
    const purposes = [await createPublishedPurpose(), await createPublishedPurpose(), await createPublishedPurpose()];
    const webhookSystem = await createSystem({ webhookUrl: "http://127.0.0.1:9/later", eventTypes: [...eventTypes] });
    receiver = await startFaultyReceiver(webhookSystem.secret, 14);
    await t.database.prisma.connectedSystem.update({ where: { id: webhookSystem.id }, data: { webhookUrl: receiver.url } });
    // No details for the webhook system (they must be cut from what it receives); the feed system reads them.
    webhookKey = await createKey(webhookSystem.id, ["persons:read", "consents:read", "events:read"]);
    // Down: disabled, so no delivery is even made for it; it has only the feed.
    const feedSystem = await createSystem({ webhookUrl: "http://127.0.0.1:9/down", eventTypes: [...eventTypes] });
    await t.database.prisma.connectedSystem.update({ where: { id: feedSystem.id }, data: { active: false, disabledReason: "manual", disabledAt: new Date() } });
    feedKey = await createKey(feedSystem.id, ["persons:read", "persons:read:details", "consents:read", "events:read"]);
    const { actor: officer } = await createOfficer(t.database.prisma);

    const actors = new Map<string, { kind: "PERSON"; id: string }>();
    for (let i = 0; i < PERSONS; i++) {
      const email = uniqueEmail(`conv${i}`);
      const person = await t.database.prisma.person.create({ data: { email, emailVerifiedAt: new Date(), givenName: `Given${i}`, familyName: `Family${i}`, preferredLanguage: "fi" } });
      const user = await t.database.prisma.user.create({ data: { email, personId: person.id } });
      personIds.push(person.id);
      actors.set(person.id, { kind: "PERSON", id: user.id });
    }

    if (postgres) {
      const env = { WEBHOOK_RETRY_SCHEDULE: RETRY_SCHEDULE, WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS) };
      processes.push(startWorkerProcess(t.url!, env), startWorkerProcess(t.url!, env));
    } else {
      inProcess.push(startWorker(t.database.prisma, { pollMs: 50, jobs: workerJobs }), startWorker(t.database.prisma, { pollMs: 50, jobs: workerJobs }));
    }

    const random = seeded(2026);
    const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const restrictions = new Map<string, string>();
    const erased = new Set<string>();
    let made = 0;
    let refused = 0;
    for (let i = 0; made + refused < CHANGES; i++) {
      // Every person changes at least once, so every one is in the replica; the erased change no more.
      const personId = i < PERSONS ? personIds[i]! : pick(personIds);
      if (erased.has(personId)) continue;
      const actor = actors.get(personId)!;
      const roll = i < PERSONS ? 0 : random();
      try {
        if (roll < 0.3) {
          await correctPerson({ actor, personId, input: { city: `City${i}`, ...(random() < 0.5 ? { phone: `+3584000${String(i).padStart(5, "0")}` } : { givenName: `Name${i}` }) }, source: "PERSON" });
        } else if (roll < 0.55) {
          await grantConsent({ actor, personId, input: { purposeKey: pick(purposes) } });
        } else if (roll < 0.7) {
          await withdrawConsent({ actor, personId, input: { purposeKey: pick(purposes) } });
        } else if (roll < 0.8) {
          await withdrawAllMarketing({ actor, personId });
        } else if (roll < 0.9) {
          const open = restrictions.get(personId);
          if (open) {
            await liftRestriction({ actor: officer, input: { requestId: open, reason: "The dispute was settled." } });
            restrictions.delete(personId);
          } else {
            restrictions.set(personId, (await requestRestriction({ actor, personId, input: { description: "Disputed" } })).id);
          }
        } else if (roll < 0.93) {
          const request = await requestErasure({ actor, personId, signedInAt: new Date() });
          await executeErasure({ requestId: request.id }, { now: new Date(request.scheduledFor!.getTime() + 1000) });
          erased.add(personId);
        } else {
          await correctPerson({ actor, personId, input: { postalCode: String(10000 + i), familyName: `Family${i}` }, source: "PERSON" });
        }
        made += 1;
      } catch (error) {
        // A change the domain refuses in the person's state (e.g. nothing to withdraw): nothing was written.
        if (!(error instanceof AppError)) throw error;
        refused += 1;
      }
      // The feed system was down for the first half; from then on it reads the feed now and then.
      if (made + refused >= CHANGES / 2 && i % 100 === 0) await readFeed();
    }
    expect(made).toBeGreaterThan(CHANGES * 0.9);
    expect(erased.size).toBeGreaterThan(0);
    console.info(`convergence: ${made} changes made, ${refused} refused, ${erased.size} erasures`);

    // The queue drains: every delivery to the webhook system is done.
    await waitFor(
      async () => {
        const [waiting, open] = await Promise.all([
          t.database.prisma.outboxEvent.count({ where: { dispatchedAt: null } }),
          t.database.prisma.delivery.count({ where: { systemId: webhookSystem.id, status: { not: "SUCCEEDED" } } }),
        ]);
        return waiting === 0 && open === 0;
      },
      { what: "the deliveries to drain", timeoutMs: 240_000, intervalMs: 500 },
    );
    expect(await t.database.prisma.delivery.count({ where: { systemId: webhookSystem.id, status: "FAILED" } })).toBe(0);
    expect(receiver.faults.error500! + receiver.faults.dropped! + receiver.faults.timeout!).toBeGreaterThan(100);
    expect(await t.database.prisma.deliveryAttempt.count({ where: { delivery: { systemId: webhookSystem.id }, error: { not: null } } })).toBeGreaterThan(100);

    for (const personId of personIds) {
      const expected = await omadataState(personId, webhookKey);
      expect(receiver.replica.get(personId), personId).toEqual(expected);
      if (!expected.erased) expect((expected.person as { details?: unknown }).details).toBeUndefined();
    }
  }, 600_000);

  it("a system down for the first half converges through GET /api/v1/events?after= alone", async () => {
    const expected = new Map<string, Awaited<ReturnType<typeof omadataState>>>();
    for (const personId of personIds) expected.set(personId, await omadataState(personId, feedKey));
    // The feed lists an event once every transaction on the server that began before it has ended
    // (other test files' included), so the last events may take a moment to show.
    const caughtUp = () => personIds.every((id) => feedReplica.get(id)?.sequence === expected.get(id)!.sequence);
    await waitFor(async () => {
      await readFeed();
      return caughtUp();
    }, { what: "the feed to list every change", timeoutMs: 120_000, intervalMs: 500 });
    for (const personId of personIds) {
      expect(feedReplica.get(personId), personId).toEqual(expected.get(personId));
      if (!expected.get(personId)!.erased) expect((expected.get(personId)!.person as { details?: unknown }).details).toBeDefined();
    }
    // Nothing more: the cursor it keeps answers an empty page.
    const again = await api("GET", `/api/v1/events?after=${feedCursor}`, { key: feedKey });
    expect(again.body).toMatchObject({ items: [], nextCursor: feedCursor, hasMore: false });
  }, 300_000);
});
