import { localizePurposeText } from "../consents/localize-purpose-text";
import { db } from "../db/client";
import type { PrismaClient } from "../db/generated/client";
import type { Locale } from "./locales";

/** The names that turn stored keys and ids into words: systems and purposes. */
export interface DescribeNames {
  /** A connected system's display name by its id and by its key (entries and provenance store either). */
  systems: ReadonlyMap<string, string>;
  /** A purpose's title in the reader's language by its key. */
  purposes: ReadonlyMap<string, string>;
}

export const noNames: DescribeNames = { systems: new Map(), purposes: new Map() };

/**
 * Loads every connected system's name and every purpose's latest published title. There are
 * few of either, so one read serves a whole page of entries, whatever they mention.
 */
export async function loadDescribeNames(locale: Locale, prisma?: PrismaClient): Promise<DescribeNames> {
  const client = prisma ?? (await db());
  const [systems, purposes] = await Promise.all([
    client.connectedSystem.findMany({ select: { id: true, key: true, name: true } }),
    client.purpose.findMany({
      select: { key: true, versions: { where: { publishedAt: { not: null } }, orderBy: { version: "desc" }, take: 1, select: { texts: true } } },
    }),
  ]);
  const purposeTitles = new Map<string, string>();
  for (const p of purposes) {
    const title = p.versions[0] ? localizePurposeText(p.versions[0].texts, locale).title : "";
    if (title) purposeTitles.set(p.key, title);
  }
  return { systems: new Map(systems.flatMap((s) => [[s.id, s.name], [s.key, s.name]] as const)), purposes: purposeTitles };
}
