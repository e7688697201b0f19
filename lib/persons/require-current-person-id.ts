import type { Tx } from "../db/types";
import { AppError } from "../errors";
import { resolvePersonId } from "./resolve-person-id";

/**
 * The id to act on for an id a caller holds: itself, or the survivor when that person was merged
 * into another (see resolvePersonId). Unknown ids are NOT_FOUND. Every integration API path that
 * takes a person id goes through this, so a system that stored an id before a merge keeps
 * reading and changing the right person.
 */
export async function requireCurrentPersonId(id: string, tx?: Pick<Tx, "person" | "personAlias">): Promise<string> {
  const current = await resolvePersonId(id, tx);
  if (!current) throw new AppError("NOT_FOUND", "no such person", { userMessage: "personNotFound" });
  return current;
}
