import type { PrismaClient } from "../db/generated/client";
import { GENESIS_HASH, hashAuditContent } from "./canonical";

export type AuditChainReport =
  | { intact: true; entries: number }
  | { intact: false; entries: number; brokenAt: number; reason: "content" | "link" | "gap" };

/**
 * Recomputes every sealed entry's hash in chain order; reports intact, or the first broken entry.
 * Entries still waiting to be sealed (no seq yet) are not part of the chain and not checked.
 */
export async function verifyAuditChain(prisma: PrismaClient, batchSize = 1000): Promise<AuditChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const batch = await prisma.auditEntry.findMany({
      where: { seq: { gte: expectedSeq } },
      orderBy: { seq: "asc" },
      take: batchSize,
    });
    for (const entry of batch) {
      if (entry.seq !== expectedSeq) return { intact: false, entries: checked, brokenAt: expectedSeq, reason: "gap" };
      if (entry.prevHash !== prevHash) return { intact: false, entries: checked, brokenAt: entry.seq, reason: "link" };
      const { hash, seq, at, actorKind, actorId, action, personId, target, details, ipHash } = entry;
      if (hashAuditContent({ seq, at, actorKind, actorId, action, personId, target, details, ipHash, prevHash }) !== hash) return { intact: false, entries: checked, brokenAt: entry.seq, reason: "content" };
      prevHash = hash!;
      expectedSeq += 1;
      checked += 1;
    }
    if (batch.length < batchSize) return { intact: true, entries: checked };
  }
}
