import type { PurposeRules } from "../consents/evaluate-consent";
import type { Tx } from "../db/types";

export interface ImportPurpose {
  purpose: PurposeRules & { id: string; key: string };
  version: { id: string; version: number; texts: unknown };
}

/** The mapped purposes that take consents now (published, not retired), by key, with their current version. */
export async function loadImportPurposes(tx: Pick<Tx, "purpose">, keys: string[]): Promise<Map<string, ImportPurpose>> {
  if (keys.length === 0) return new Map();
  const purposes = await tx.purpose.findMany({
    where: { key: { in: keys }, retiredAt: null, currentVersion: { gt: 0 } },
    select: {
      id: true, key: true, legalBasis: true, currentVersion: true, renewalFromVersion: true, retiredAt: true,
      versions: { where: { publishedAt: { not: null } }, orderBy: { version: "desc" }, take: 1, select: { id: true, version: true, texts: true } },
    },
  });
  return new Map(
    purposes.flatMap(({ versions, ...purpose }) => (versions[0]?.version === purpose.currentVersion ? [[purpose.key, { purpose, version: versions[0] }]] : [])),
  );
}
