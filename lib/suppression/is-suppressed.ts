import { db } from "../db/client";
import type { Tx } from "../db/types";
import { suppressionHash } from "./suppression-hash";

/** Whether the address belongs to an erased person who must not be re-imported into marketing. */
export async function isSuppressed(email: string, tx?: Tx): Promise<boolean> {
  const prisma = tx ?? (await db());
  return (await prisma.suppression.count({ where: { hash: suppressionHash(email) } })) > 0;
}
