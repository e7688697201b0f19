import { db } from "../db/client";

const openStatuses = ["RECEIVED", "VERIFYING", "IN_PROGRESS", "AWAITING_SYSTEMS"] as const;

export interface ProcessingState {
  /** Processing restricted (Art. 18) since then; null when not restricted. */
  restrictedAt: Date | null;
  /** The erasure waiting for its cooling-off period to end, if any. */
  erasure: { requestId: string; scheduledFor: Date; cancellable: boolean } | null;
}

/**
 * What the person must know before anything else on their pages: whether processing of their
 * data is restricted and whether an erasure is scheduled (and can still be cancelled).
 */
export async function getProcessingState(personId: string): Promise<ProcessingState> {
  const prisma = await db();
  const [person, erasure] = await Promise.all([
    prisma.person.findUnique({ where: { id: personId }, select: { restrictedAt: true } }),
    prisma.dataRequest.findFirst({
      where: { personId, type: "ERASURE", status: { in: [...openStatuses] }, scheduledFor: { not: null } },
      orderBy: { scheduledFor: "asc" },
      select: { id: true, status: true, scheduledFor: true },
    }),
  ]);
  return {
    restrictedAt: person?.restrictedAt ?? null,
    // The same rule as cancelling: possible until work on the erasure has begun.
    erasure: erasure?.scheduledFor ? { requestId: erasure.id, scheduledFor: erasure.scheduledFor, cancellable: erasure.status === "RECEIVED" || erasure.status === "VERIFYING" } : null,
  };
}
