import { getConfig } from "../config";
import type { PrismaClient } from "../db/generated/client";
import { describeError, log } from "../log";
import type { JobContext } from "../worker/run-worker";
import { claimDeliveries, type ClaimedDelivery } from "./claim-deliveries";
import { loadSigningSecrets } from "./load-signing-secrets";
import { recordDeliveryOutcomes, type DeliveryOutcome } from "./record-delivery-outcomes";
import { releaseDeliveries } from "./release-deliveries";
import { sendWebhook, type WebhookResult } from "./send-webhook";
import { signWebhook } from "./sign-webhook";

export interface DeliverySettings {
  schedule: number[];
  timeoutMs: number;
  allowPrivate: boolean;
  concurrency: number;
  disableAfterHours: number;
  /** Longer than one try can take, so a live worker never loses its lease mid-try. */
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
    leaseMs: c.WEBHOOK_TIMEOUT_MS + 5_000,
  };
}

/**
 * One batch: claims as many due deliveries as the worker sends at once (so each starts at
 * once and the lease covers it), signs and sends them side by side, records the outcomes. When
 * the worker is stopping, claimed deliveries not yet started are released; started ones finish
 * (within the timeout). Answers true when the batch was full: there may be more.
 */
export async function deliverDueWebhooks(prisma: PrismaClient, now: Date, { workerId, signal }: JobContext, settings = deliverySettings()): Promise<boolean> {
  if (signal.aborted) return false;
  const claimed = await claimDeliveries(prisma, { workerId, now, limit: settings.concurrency, leaseMs: settings.leaseMs });
  if (claimed.length === 0) return false;
  const systemIds = [...new Set(claimed.map((d) => d.systemId))];
  const secrets = new Map(await Promise.all(systemIds.map(async (id) => [id, await signingSecretsOrNone(prisma, id, now)] as const)));
  await logAbandoned(prisma, claimed, settings.leaseMs);

  const notStarted: string[] = [];
  const outcomes: DeliveryOutcome[] = [];
  await Promise.all(
    claimed.map(async (delivery) => {
      if (signal.aborted) {
        notStarted.push(delivery.id);
        return;
      }
      const startedAt = new Date();
      const result = await attempt(delivery, secrets.get(delivery.systemId) ?? [], settings);
      outcomes.push({ delivery, result, startedAt, finishedAt: new Date() });
    }),
  );
  try {
    await recordDeliveryOutcomes(prisma, outcomes, {
      workerId, schedule: settings.schedule, disableAfterHours: settings.disableAfterHours,
      failingSince: new Map(claimed.map((d) => [d.systemId, d.failingSince])),
    });
  } catch (error) {
    // The leases run out and another pass tries these again.
    log.error("propagation.outcomes_not_recorded", { deliveries: outcomes.length, ...describeError(error) });
  }
  await releaseDeliveries(prisma, notStarted, workerId);
  return claimed.length === settings.concurrency && !signal.aborted;
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
