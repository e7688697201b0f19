import { db } from "../db/client";
import { AppError } from "../errors";
import { requireCurrentPersonId } from "./require-current-person-id";

/**
 * The id to read for an id a caller holds (a merged id reads its survivor; unknown: NOT_FOUND),
 * refusing an erased person (GONE, the API's 410) as every write does: after GDPR Art. 17 only an
 * empty tombstone is left, and answering it as a person with empty fields would read as data.
 * The consent check does not come here: it answers an erased person as permitted nothing.
 */
export async function requireLivePersonId(id: string): Promise<string> {
  const personId = await requireCurrentPersonId(id);
  const person = await (await db()).person.findUnique({ where: { id: personId }, select: { erasedAt: true } });
  if (!person) throw new AppError("NOT_FOUND", "no such person", { userMessage: "personNotFound" });
  if (person.erasedAt) throw new AppError("GONE", "the person was erased", { userMessage: "personErased" });
  return personId;
}
