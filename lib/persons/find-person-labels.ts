import { db } from "../db/client";

export type PersonLabel = { kind: "named"; name: string } | { kind: "unnamed"; email: string | null } | { kind: "erased" } | { kind: "unknown" };

/**
 * How a back-office list names the persons it mentions (the audit trail, say): the name of a
 * living person, their email when they have no name, "erased" once erased. The ids alone are no
 * help: UUIDv7 ids made in the same period share their first characters.
 */
export async function findPersonLabels(personIds: readonly string[]): Promise<Map<string, PersonLabel>> {
  const ids = [...new Set(personIds)];
  const labels = new Map<string, PersonLabel>(ids.map((id) => [id, { kind: "unknown" }]));
  if (ids.length === 0) return labels;
  const rows = await (await db()).person.findMany({ where: { id: { in: ids } }, select: { id: true, givenName: true, familyName: true, email: true, erasedAt: true } });
  for (const p of rows) {
    const name = [p.givenName, p.familyName].filter(Boolean).join(" ");
    labels.set(p.id, p.erasedAt ? { kind: "erased" } : name ? { kind: "named", name } : { kind: "unnamed", email: p.email });
  }
  return labels;
}
