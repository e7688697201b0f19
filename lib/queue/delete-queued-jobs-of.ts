import type { Tx } from "../db/types";

/**
 * An erasure deletes what is still queued about the person (emails with their address and
 * content, waiting or dead), in the erasure's transaction. A job running at this moment finishes:
 * its row is locked by its worker only for the claim, and it reads nothing of the erased person.
 */
export async function deleteQueuedJobsOf(tx: Pick<Tx, "$executeRaw">, personId: string): Promise<number> {
  return tx.$executeRaw`DELETE FROM "Job" WHERE "personId" = ${personId} AND "status" IN ('PENDING', 'DEAD')`;
}
