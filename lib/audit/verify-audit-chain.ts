import type { PrismaClient } from "../db/generated/client";
import { GENESIS_HASH, hashAuditContent } from "./canonical";

export type AuditChainReport =
  | { intact: true; entries: number }
  | { intact: false; entries: number; brokenAt: number; reason: "content" | "link" | "gap" };

/** Recomputes every entry's hash in order; reports intact, or the first broken entry. */
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
      const { hash, ...content } = entry;
      if (hashAuditContent(content) !== hash) return { intact: false, entries: checked, brokenAt: entry.seq, reason: "content" };
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (batch.length < batchSize) return { intact: true, entries: checked };
  }
}
