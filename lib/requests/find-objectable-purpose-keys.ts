import type { Tx } from "../db/types";

/**
 * The purposes one can object to (GDPR Art. 21): live purposes based on legitimate interest, and
 * profiling (purposes with no contact channel). Keys in display order.
 */
export async function findObjectablePurposeKeys(tx: Pick<Tx, "purpose">) {
  const rows = await tx.purpose.findMany({
    where: { retiredAt: null, currentVersion: { gt: 0 }, OR: [{ legalBasis: "LEGITIMATE_INTEREST" }, { channel: "NONE" }] },
    select: { key: true },
    orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
  });
  return rows.map((r) => r.key);
}
