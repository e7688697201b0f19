// The change transaction: every state change goes through here, so its audit entry and its
// outbox events and its queued side effects (emails, builds, later steps) are written in the same
// database transaction as the change itself: all or none.
import type { Actor } from "../audit/actor";
import { appendAuditEntries } from "../audit/append-audit-entries";
import type { AuditInput } from "../audit/append-audit-entry";
import { recordOutboxEvents, type OutboxInput } from "../propagation/record-outbox-event";
import { withChangeSlot } from "./change-slots";
import { db } from "../db/client";
import { idempotentChange } from "./idempotent-changes";
import type { PrismaClient } from "../db/generated/client";
import type { Tx } from "../db/types";
import { enqueueJobs, type JobInput } from "../queue/enqueue-job";

export interface ChangeOutcome<T> {
  result: T;
  audit: AuditInput | AuditInput[];
  events?: OutboxInput[];
  /** Side effects to run once the change has committed (lib/queue), e.g. queuedEmail(...). */
  jobs?: JobInput[];
}

export interface ChangeOptions {
  /** The clock, injectable so tests can move time. */
  now?: Date;
  prisma?: PrismaClient;
  /** How long the transaction may run (default 30 s); a whole-file import needs minutes. */
  timeoutMs?: number;
}

/** Change transactions one process runs at once (of its 10 pooled connections). */
const CHANGES_AT_ONCE = 4;

// Generic over the whole outcome, so a work function with several return shapes infers their union.
export async function runChange<O extends ChangeOutcome<unknown>>(
  actor: Actor,
  work: (tx: Tx, now: Date) => Promise<O>,
  options: ChangeOptions = {},
): Promise<O["result"]> {
  const now = options.now ?? new Date();
  // Under an Idempotency-Key this change may already be committed by the crashed first attempt.
  const kept = idempotentChange<O["result"]>();
  if (kept.replayed) return kept.result;
  const prisma = options.prisma ?? (await db());
  return withChangeSlot(CHANGES_AT_ONCE, () =>
    kept.nest(() =>
      prisma.$transaction(
        async (tx) => {
          const { result, audit, events = [], jobs = [] } = await work(tx, now);
          await recordOutboxEvents(tx, events, now);
          await enqueueJobs(tx, jobs, now);
          await kept.keep?.(tx, result, now);
          // Unsealed entries, no lock: the worker's sequencer chains them once committed.
          await appendAuditEntries(tx, actor, [audit].flat(), now);
          return result;
        },
        { maxWait: 30_000, timeout: options.timeoutMs ?? 30_000 },
      ),
    ),
  );
}
