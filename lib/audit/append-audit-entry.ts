import type { Prisma } from "../db/generated/client";
import type { Tx } from "../db/types";
import type { Actor } from "./actor";
import { appendAuditEntries } from "./append-audit-entries";

/** Serialises appends across transactions and processes, so the chain has one head. */
export const AUDIT_CHAIN_LOCK_KEY = 4_210_001;

export interface AuditInput {
  /** Dotted verb, e.g. "person.updated", "auth.signed_in". */
  action: string;
  personId?: string | null;
  /** What was acted on, e.g. "Person:<id>" or "Session". */
  target?: string | null;
  /** Field names and ids, never personal data values. */
  details?: Prisma.InputJsonValue | null;
}

/** Appends one entry to the chain (see appendAuditEntries, which does the work). */
export async function appendAuditEntry(tx: Tx, actor: Actor, input: AuditInput, now = new Date()) {
  const [appended] = await appendAuditEntries(tx, actor, [input], now);
  return appended!;
}
