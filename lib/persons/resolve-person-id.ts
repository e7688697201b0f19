import { db } from "../db/client";
import type { Tx } from "../db/types";

/**
 * The person an id stands for now: the id itself while the person exists, the survivor when
 * it was merged into another person (PersonAlias), or null when it never existed. Erased
 * persons stay as tombstones and resolve to themselves. The API and the back-office call this
 * before any look-up by id, so a connected system holding a merged id still reaches the person.
 */
export async function resolvePersonId(id: string, tx?: Pick<Tx, "person" | "personAlias">): Promise<string | null> {
  const client = tx ?? (await db());
  const person = await client.person.findUnique({ where: { id }, select: { id: true } });
  if (person) return person.id;
  const alias = await client.personAlias.findUnique({ where: { aliasId: id }, select: { personId: true } });
  return alias?.personId ?? null;
}
