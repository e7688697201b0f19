import type { Tx } from "../db/types";
import { assertPersonWritable } from "../persons/assert-person-writable";

/**
 * Locks the person's row for the rest of the change transaction, so two consent changes for
 * one person (a double click, GPC on parallel requests) run one after the other and the second
 * sees the first one's state. Refuses an unknown or erased person (assertPersonWritable).
 */
export const lockPerson = (tx: Tx, personId: string): Promise<void> => assertPersonWritable(tx, personId);
