import type { Tx } from "../db/types";
import { AppError } from "../errors";

/**
 * The one guard every write about a person passes, inside its change transaction: locks the
 * person's row (FOR UPDATE, so an erasure and a write cannot interleave: the write waits and
 * then sees `erasedAt`) and refuses an unknown person (NOT_FOUND) or an erased one (GONE, the
 * API's 410: GDPR Art. 17 means nothing may bring the record back to life).
 */
export async function assertPersonWritable(tx: Tx, personId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ erasedAt: Date | null }[]>`SELECT "erasedAt" FROM "Person" WHERE "id" = ${personId} FOR UPDATE`;
  if (!rows[0]) throw new AppError("NOT_FOUND", "person not found", { userMessage: "personNotFound" });
  if (rows[0].erasedAt) throw new AppError("GONE", "the person was erased", { userMessage: "personErased" });
}
