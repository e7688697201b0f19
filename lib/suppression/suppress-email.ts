import type { Tx } from "../db/types";
import { suppressionHash } from "./suppression-hash";

/**
 * Keeps a keyed hash of an erased person's address (call inside the erasure's change
 * transaction). Suppressing an address twice keeps the first record.
 */
export async function suppressEmail(tx: Tx, email: string, reason: string, now = new Date()): Promise<void> {
  const hash = suppressionHash(email);
  await tx.suppression.upsert({ where: { hash }, create: { hash, reason, createdAt: now }, update: {} });
}
