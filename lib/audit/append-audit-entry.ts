import type { Prisma } from "../db/generated/client";
import type { Tx } from "../db/types";
import type { Actor } from "./actor";
import { appendAuditEntries } from "./append-audit-entries";

export interface AuditInput {
  /** Dotted verb, e.g. "person.updated", "auth.signed_in". */
  action: string;
  personId?: string | null;
  /** What was acted on, e.g. "Person:<id>" or "Session". */
  target?: string | null;
  /** Field names and ids, never personal data values. */
  details?: Prisma.InputJsonValue | null;
}

/** Appends one entry, unsealed (see appendAuditEntries, which does the work). */
export async function appendAuditEntry(tx: Tx, actor: Actor, input: AuditInput, now = new Date()): Promise<void> {
  await appendAuditEntries(tx, actor, [input], now);
}
