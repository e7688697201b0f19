import type { Prisma } from "../db/generated/client";
import type { Tx } from "../db/types";
import type { Actor } from "./actor";
import { GENESIS_HASH, hashAuditContent } from "./canonical";

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

export async function appendAuditEntry(tx: Tx, actor: Actor, input: AuditInput, now = new Date()) {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
  const head = await tx.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const content = {
    seq: (head?.seq ?? 0) + 1,
    at: new Date(Math.floor(now.getTime())),
    actorKind: actor.kind,
    actorId: actor.id,
    action: input.action,
    personId: input.personId ?? null,
    target: input.target ?? null,
    details: input.details ?? null,
    ipHash: actor.ipHash ?? null,
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  const hash = hashAuditContent(content);
  await tx.auditEntry.create({
    data: { ...content, details: content.details ?? undefined, hash },
  });
  return { seq: content.seq, hash };
}
