import { db } from "../db/client";
import { personApiSelect, type PersonApiRow } from "./find-persons";

/** One person as the integration API serves it (fields are cut down by scope when shaped). */
export async function getPersonRecord(personId: string): Promise<PersonApiRow | null> {
  return (await db()).person.findUnique({ where: { id: personId }, select: personApiSelect });
}
