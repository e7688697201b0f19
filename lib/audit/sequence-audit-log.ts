// The audit log's sequencer: changes insert entries unsealed and without a lock
// (append-audit-entries.ts); this seals committed entries into the hash chain in batches, and
// signs checkpoints of the chain (sign-audit-checkpoint.ts). One sequencer at a time, under an
// advisory lock that nothing else takes.
import type { PrismaClient } from "../db/generated/client";
import type { Tx } from "../db/types";
import { GENESIS_HASH, hashAuditContent } from "./canonical";

export const AUDIT_SEQUENCER_LOCK_KEY = 4_210_003;
export const SEQUENCE_BATCH = 1000;

export interface SequencedBatch {
  /** Entries sealed by this batch. */
  sealed: number;
  /** The chain's head after it: size (the last seq, 0 when empty) and hash. */
  head: { size: number; hash: string };
}

/** The chain's head: its last sealed entry's seq and hash. */
export async function readChainHead(client: Pick<Tx, "auditEntry">): Promise<{ size: number; hash: string }> {
  const head = await client.auditEntry.findFirst({ where: { seq: { not: null } }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  return { size: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH };
}

/**
 * Seals one batch inside the caller's transaction, which must hold the sequencer lock. Takes the
 * unsealed entries its statement's snapshot sees: those of transactions committed before it. An
 * entry of a transaction still open is invisible here, so it cannot be passed over: the first
 * pass after its commit seals it, after everything sealed before. So the chain follows commit
 * order batch by batch (within a batch: inserting transaction, then insertion, which keeps a
 * change's entries together), and a long transaction elsewhere on the server holds nothing up.
 * Each entry gets the next seq, the previous hash, and its hash over the same canonical content
 * as ever (canonical.ts).
 */
export async function sealAuditBatch(tx: Tx, batchSize = SEQUENCE_BATCH): Promise<SequencedBatch> {
  const waiting = await tx.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "AuditEntry"
    WHERE "seq" IS NULL
    ORDER BY "transactionId", "id"
    LIMIT ${batchSize}`;
  const head = await readChainHead(tx);
  if (waiting.length === 0) return { sealed: 0, head };
  const ids = waiting.map((w) => Number(w.id));
  const byId = new Map((await tx.auditEntry.findMany({ where: { id: { in: ids } } })).map((e) => [e.id, e]));
  let { size: seq, hash: prevHash } = head;
  const sealed = ids.map((id) => {
    const e = byId.get(id)!;
    seq += 1;
    const hash = hashAuditContent({ seq, at: e.at, actorKind: e.actorKind, actorId: e.actorId, action: e.action, personId: e.personId, target: e.target, details: e.details, ipHash: e.ipHash, prevHash });
    const row = { id, seq, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await tx.$executeRaw`
    UPDATE "AuditEntry" AS a SET "seq" = s.seq, "prevHash" = s.prev, "hash" = s.hash
    FROM unnest(${sealed.map((s) => s.id)}::int[], ${sealed.map((s) => s.seq)}::int[], ${sealed.map((s) => s.prevHash)}::text[], ${sealed.map((s) => s.hash)}::text[]) AS s(id, seq, prev, hash)
    WHERE a."id" = s.id`;
  return { sealed: sealed.length, head: { size: seq, hash: prevHash } };
}

/**
 * One sequencer pass: takes the lock (or, with `wait: false`, gives way when another sequencer
 * holds it) and seals one batch; `after` runs in the same transaction under the lock with the
 * new head (the checkpoint). Answers null when another sequencer had the lock.
 */
export async function runSequencerPass<T>(
  prisma: PrismaClient,
  { wait = false, batchSize = SEQUENCE_BATCH, after }: { wait?: boolean; batchSize?: number; after?: (tx: Tx, batch: SequencedBatch) => Promise<T> } = {},
): Promise<(SequencedBatch & { after?: T }) | null> {
  return prisma.$transaction(
    async (tx) => {
      if (wait) await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_SEQUENCER_LOCK_KEY})`);
      else {
        const [got] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(`SELECT pg_try_advisory_xact_lock(${AUDIT_SEQUENCER_LOCK_KEY}) AS locked`);
        if (!got?.locked) return null;
      }
      const batch = await sealAuditBatch(tx, batchSize);
      return { ...batch, after: after ? await after(tx, batch) : undefined };
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
}

/** The sequencer's lag: unsealed entries and when the oldest was written. */
export async function readSequencerLag(client: Pick<Tx, "auditEntry">): Promise<{ waiting: number; oldestAt: Date | null }> {
  const [waiting, oldest] = await Promise.all([
    client.auditEntry.count({ where: { seq: null } }),
    client.auditEntry.findFirst({ where: { seq: null }, orderBy: { id: "asc" }, select: { at: true } }),
  ]);
  return { waiting, oldestAt: oldest?.at ?? null };
}
