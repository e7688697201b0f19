import { getConfig } from "../config";
import type { PrismaClient } from "../db/generated/client";
import { describeError, log } from "../log";
import type { JobContext } from "../worker/run-worker";
import { claimDeliveries, type ClaimedDelivery } from "./claim-deliveries";
import { fairSendQueue } from "./fair-send-queue";
import { fanOutAndClaim } from "./fan-out-events";
import { loadSigningSecrets } from "./load-signing-secrets";
import { outcomeWriter } from "./outcome-writer";
import { releaseDeliveries } from "./release-deliveries";
import { sendWebhook, type WebhookResult } from "./send-webhook";
import { signWebhook } from "./sign-webhook";

export interface DeliverySettings {
  schedule: number[];
  timeoutMs: number;
  allowPrivate: boolean;
  concurrency: number;
  disableAfterHours: number;
  /** Longer than one try can take, so a live worker never loses its lease mid-try (a try starts only while it fits). */
  leaseMs: number;
}

export function deliverySettings(): DeliverySettings {
  const c = getConfig();
  return {
    schedule: c.WEBHOOK_RETRY_SCHEDULE,
    timeoutMs: c.WEBHOOK_TIMEOUT_MS,
    allowPrivate: c.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
    concurrency: c.WEBHOOK_CONCURRENCY,
    disableAfterHours: c.WEBHOOK_DISABLE_AFTER_HOURS,
    leaseMs: c.WEBHOOK_TIMEOUT_MS + 10_000,
  };
}

/** Most deliveries one claim takes; the claim size follows the pace the tries are answered at. */
const MAX_CLAIM = 500;
/** A claim holds about this much sending time, so claimed deliveries do not wait long for a slot. */
const CLAIM_SECONDS = 0.25;
/**
 * A claimed delivery starts only while its lease outlasts the try by this much, so its outcome
 * is written within it; claimed deliveries may wait for a slot the rest of the lease.
 */
const LEASE_MARGIN_MS = 5_000;

/** The pace (answers per second) of the last pass, so the next one starts with claims of its size. */
let lastPace = 0;

export interface SendOptions {
  /** How long to keep claiming (default: until nothing is due). */
  budgetMs?: number;
  /**
   * Also fan out waiting outbox events once nothing claimed is due, their deliveries inserted
   * already claimed by this sender (fanOutAndClaim): a new delivery costs one write fewer.
   */
  fanOut?: boolean;
}

interface Queued {
  delivery: ClaimedDelivery;
  secrets: string[];
  leaseUntil: number;
}

/**
 * Sends what is due at `now`, pipelined: up to WEBHOOK_CONCURRENCY tries in flight at once, the
 * next deliveries claimed while those are in flight, the outcomes written in batches meanwhile.
 * Claims grow with the pace of the answers (a slow receiver gets small ones). A claimed delivery
 * that could no longer finish within its lease, and every one not yet started when the worker
 * stops, is released; started ones finish (within the timeout). Stops claiming when a claim
 * comes back short (with fanOut: and the outbox too) or after budgetMs; answers true when work may be left.
 */
export async function deliverDueWebhooks(
  prisma: PrismaClient, now: Date, { workerId, signal }: JobContext, settings = deliverySettings(),
  { budgetMs = Number.POSITIVE_INFINITY, fanOut = false }: SendOptions = {},
): Promise<boolean> {
  if (signal.aborted) return false;
  const deadline = Date.now() + budgetMs;
  const passStart = performance.now();
  const writer = outcomeWriter(prisma, { workerId, schedule: settings.schedule, disableAfterHours: settings.disableAfterHours });
  const queue = fairSendQueue<Queued>();
  const unsent: string[] = [];
  let inFlight = 0;
  let answered = 0;
  let claiming: Promise<void> | null = null;
  let exhausted = false;
  let wake: () => void = () => undefined;

  const claimSize = () => {
    const seconds = (performance.now() - passStart) / 1000;
    const pace = answered >= settings.concurrency ? answered / Math.max(seconds, 0.01) : lastPace;
    return Math.min(MAX_CLAIM, Math.max(settings.concurrency, Math.round(pace * CLAIM_SECONDS)));
  };
  const claim = async () => {
    const limit = claimSize();
    try {
      const claimed = await claimDeliveries(prisma, { workerId, now, limit, leaseMs: settings.leaseMs });
      await logAbandoned(prisma, claimed, settings.leaseMs);
      await enqueue(claimed, now.getTime() + settings.leaseMs);
      if (!fanOut) {
        if (claimed.length < limit) exhausted = true;
        return;
      }
      // New events, fanned out into deliveries this sender holds already. They get a turn in
      // every claim, so a backlog of tries due to one system never holds back others' changes.
      const fannedAt = new Date();
      const wanted = Math.max(limit - claimed.length, Math.ceil(limit / 2));
      const fanned = await fanOutAndClaim(prisma, fannedAt, { workerId, leaseMs: settings.leaseMs }, wanted);
      await enqueue(fanned.claimed, fannedAt.getTime() + settings.leaseMs);
      if (claimed.length < limit && fanned.events < wanted) exhausted = true;
    } catch (error) {
      // What was claimed before the error comes back when its lease runs out.
      log.error("propagation.claim_failed", describeError(error));
      exhausted = true;
    }
  };
  const enqueue = async (claimed: ClaimedDelivery[], leaseUntil: number) => {
    const systemIds = [...new Set(claimed.map((d) => d.systemId))];
    const secrets = new Map(await Promise.all(systemIds.map(async (id) => [id, await signingSecretsOrNone(prisma, id, now)] as const)));
    for (const delivery of claimed) {
      writer.knowFailingSince(delivery.systemId, delivery.failingSince);
      queue.push(delivery.systemId, { delivery, secrets: secrets.get(delivery.systemId) ?? [], leaseUntil });
    }
  };
  const send = async ({ delivery, secrets }: Queued) => {
    const startedAt = new Date();
    const result = await attempt(delivery, secrets, settings);
    writer.add({ delivery, result, startedAt, finishedAt: new Date() });
    answered += 1;
    inFlight -= 1;
    queue.finished(delivery.systemId);
    wake();
  };

  for (;;) {
    // Each system gets its share of the slots while others have work (fairSendQueue).
    let slotsIdle = false;
    while (inFlight < settings.concurrency && !signal.aborted) {
      const next = queue.take(settings.concurrency);
      if (!next) {
        slotsIdle = queue.size > 0;
        break;
      }
      if (Date.now() + settings.timeoutMs + LEASE_MARGIN_MS > next.leaseUntil) {
        queue.finished(next.delivery.systemId);
        unsent.push(next.delivery.id);
        continue;
      }
      inFlight += 1;
      void send(next);
    }
    if (signal.aborted) unsent.push(...queue.drain().map((q) => q.delivery.id));
    const mayClaim = !signal.aborted && !exhausted && Date.now() < deadline;
    // The next claim starts while a claim's worth still waits, so the slots never wait for it;
    // and when what waits is all for systems at their share, so free slots find other work.
    if (mayClaim && !claiming && (queue.size < Math.max(settings.concurrency, claimSize()) || slotsIdle)) {
      claiming = claim().finally(() => {
        claiming = null;
        wake();
      });
    }
    if (inFlight === 0 && queue.size === 0 && !claiming && !mayClaim) break;
    await new Promise<void>((resolve) => (wake = resolve));
  }
  if (answered >= settings.concurrency) lastPace = answered / Math.max((performance.now() - passStart) / 1000, 0.01);
  await writer.close();
  await releaseDeliveries(prisma, unsent, workerId);
  return !exhausted && !signal.aborted;
}

async function attempt({ webhookId, webhookUrl: url, body }: ClaimedDelivery, secrets: string[], settings: DeliverySettings): Promise<WebhookResult> {
  const refused = (error: string): WebhookResult => ({ statusCode: null, durationMs: 0, error, responseSnippet: null });
  if (!url) return refused("the system has no webhook URL");
  if (secrets.length === 0) return refused("the system has no signing secret");
  const headers = signWebhook({ webhookId, body, secrets, at: new Date() });
  return sendWebhook({ url, body, headers, timeoutMs: settings.timeoutMs, allowPrivate: settings.allowPrivate });
}

/** Opened secrets are kept for a few seconds: a busy worker would otherwise read and open them for every batch. */
const SECRET_CACHE_MS = 5_000;
const secretCache = new Map<string, { secrets: string[]; until: number }>();

/** A secret that does not open (ENCRYPTION_KEY changed) fails the tries visibly, in the log, instead of stopping the worker. */
async function signingSecretsOrNone(prisma: PrismaClient, systemId: string, now: Date): Promise<string[]> {
  const cached = secretCache.get(systemId);
  if (cached && cached.until > Date.now()) return cached.secrets;
  try {
    const secrets = await loadSigningSecrets(prisma, systemId, now);
    secretCache.set(systemId, { secrets, until: Date.now() + SECRET_CACHE_MS });
    return secrets;
  } catch (error) {
    log.error("propagation.secret_unreadable", { systemId, ...describeError(error) });
    return [];
  }
}

/** A worker that died mid-try left no record of it: log the lost try before this one. */
async function logAbandoned(prisma: PrismaClient, claimed: ClaimedDelivery[], leaseMs: number) {
  const abandoned = claimed.filter((d) => d.abandonedBy);
  if (abandoned.length === 0) return;
  await prisma.deliveryAttempt.createMany({
    data: abandoned.map((d) => ({
      deliveryId: d.id,
      startedAt: new Date((d.abandonedLeaseUntil?.getTime() ?? Date.now()) - leaseMs),
      durationMs: 0,
      error: "abandoned: the worker stopped before recording an answer (lease expired)",
      workerId: d.abandonedBy,
    })),
  });
}
