import type { PrismaClient } from "../db/generated/client";
import { describeError, log } from "../log";
import { recordDeliveryOutcomes, type DeliveryOutcome, type OutcomeContext } from "./record-delivery-outcomes";

/** Outcomes written in one statement once this many wait, or after FLUSH_AFTER_MS. */
const FLUSH_AT = 128;
const FLUSH_AFTER_MS = 50;

export interface OutcomeWriter {
  /** A system's failure clock as a claim read it; the first one read in the pass counts, later the writer keeps it. */
  knowFailingSince(systemId: string, failingSince: Date | null): void;
  add(outcome: DeliveryOutcome): void;
  /** Writes what waits and answers when every write is done. */
  close(): Promise<void>;
}

/**
 * Collects the outcomes of a pass's tries and writes them in batches, one write at a time, while
 * the next tries are in flight: one statement per batch instead of one per try.
 */
export function outcomeWriter(prisma: PrismaClient, context: Omit<OutcomeContext, "failingSince">): OutcomeWriter {
  const failingSince = new Map<string, Date | null>();
  let pending: DeliveryOutcome[] = [];
  let writing: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;

  const write = async (batch: DeliveryOutcome[]) => {
    try {
      await recordDeliveryOutcomes(prisma, batch, { ...context, failingSince });
      trackFailureClocks(failingSince, batch);
    } catch (error) {
      // The leases run out and another pass tries these again.
      log.error("propagation.outcomes_not_recorded", { deliveries: batch.length, ...describeError(error) });
    }
  };
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (writing || pending.length === 0) return;
    const batch = pending;
    pending = [];
    writing = write(batch).finally(() => {
      writing = null;
      if (pending.length >= FLUSH_AT) flush();
      else if (pending.length > 0) timer ??= setTimeout(flush, FLUSH_AFTER_MS);
    });
  };
  return {
    knowFailingSince(systemId, since) {
      if (!failingSince.has(systemId)) failingSince.set(systemId, since);
    },
    add(outcome) {
      pending.push(outcome);
      if (pending.length >= FLUSH_AT) flush();
      else timer ??= setTimeout(flush, FLUSH_AFTER_MS);
    },
    async close() {
      while (writing || pending.length > 0) {
        flush();
        await writing;
      }
      clearTimeout(timer);
    },
  };
}

/** What recordDeliveryOutcomes did to each system's clock, so the next batch of the pass starts from it. */
function trackFailureClocks(failingSince: Map<string, Date | null>, batch: DeliveryOutcome[]) {
  const last = new Map<string, DeliveryOutcome>();
  for (const o of batch) {
    const seen = last.get(o.delivery.systemId);
    if (!seen || o.finishedAt >= seen.finishedAt) last.set(o.delivery.systemId, o);
  }
  for (const [systemId, o] of last) {
    const ok = o.result.statusCode !== null && o.result.statusCode >= 200 && o.result.statusCode < 300;
    if (ok) failingSince.set(systemId, null);
    else if (!failingSince.get(systemId)) failingSince.set(systemId, o.finishedAt);
  }
}
