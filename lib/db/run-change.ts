// The change transaction: every state change goes through here, so its audit entry and its
// outbox events are written in the same database transaction as the change itself: all or none.
import type { Actor } from "../audit/actor";
import { appendAuditEntries } from "../audit/append-audit-entries";
import type { AuditInput } from "../audit/append-audit-entry";
import { recordOutboxEvent, type OutboxInput } from "../propagation/record-outbox-event";
import { db } from "./client";
import type { PrismaClient } from "./generated/client";
import type { Tx } from "./types";

export interface ChangeOutcome<T> {
  result: T;
  audit: AuditInput | AuditInput[];
  events?: OutboxInput[];
}

export interface ChangeOptions {
  /** The clock, injectable so tests can move time. */
  now?: Date;
  prisma?: PrismaClient;
}

// Generic over the whole outcome, so a work function with several return shapes infers their union.
export async function runChange<O extends ChangeOutcome<unknown>>(
  actor: Actor,
  work: (tx: Tx, now: Date) => Promise<O>,
  options: ChangeOptions = {},
): Promise<O["result"]> {
  const now = options.now ?? new Date();
  const prisma = options.prisma ?? (await db());
  return prisma.$transaction(
    async (tx) => {
      const { result, audit, events = [] } = await work(tx, now);
      await appendAuditEntries(tx, actor, [audit].flat(), now);
      for (const event of events) await recordOutboxEvent(tx, event, now);
      return result;
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}
