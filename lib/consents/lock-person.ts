import type { Tx } from "../db/types";
import { AppError } from "../errors";

/**
 * Locks the person's row for the rest of the change transaction, so two consent changes for
 * one person (a double click, GPC on parallel requests) run one after the other and the second
 * sees the first one's state. Refuses an unknown person.
 */
export async function lockPerson(tx: Tx, personId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Person" WHERE "id" = ${personId} FOR UPDATE`;
  if (!rows[0]) throw new AppError("NOT_FOUND", "person not found", { userMessage: "personNotFound" });
}
