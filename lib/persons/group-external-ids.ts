/** A person's ids in connected systems as the API and webhooks show them. */
export type ExternalIdMap = Record<string, string[]>;

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Groups a person's external identities by system: `{ "<system>": ["<id>", …] }`. A system may
 * hold several ids for one person (two CRM records merged, a re-import), so each is a list.
 * Ids are sorted by code point, not by locale or link time, so the same identities always give
 * the same lists (webhook bodies keep jsonb's own key order for the systems).
 */
export function groupExternalIds(identities: readonly { system: string; externalId: string }[]): ExternalIdMap {
  const grouped = new Map<string, string[]>();
  for (const { system, externalId } of identities) grouped.set(system, [...(grouped.get(system) ?? []), externalId]);
  return Object.fromEntries([...grouped.keys()].sort(byCodePoint).map((system) => [system, [...new Set(grouped.get(system))].sort(byCodePoint)]));
}
