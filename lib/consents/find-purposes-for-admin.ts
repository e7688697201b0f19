import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { assertPurposeAdmin } from "./assert-purpose-admin";
import type { PurposeTexts } from "./schemas";

/**
 * Every purpose for the admins' purpose list, retired ones last: its rules, versions (newest
 * first, with texts; a draft has no publishedAt) and how many people hold a grant and how many
 * of those grants need renewal. ADMIN only.
 */
export async function findPurposesForAdmin({ actor }: { actor: Actor }) {
  assertPurposeAdmin(actor);
  const prisma = await db();
  const purposes = await prisma.purpose.findMany({
    orderBy: [{ retiredAt: { sort: "asc", nulls: "first" } }, { sortOrder: "asc" }, { key: "asc" }],
    select: {
      id: true, key: true, channel: true, legalBasis: true, isSaleOrSharing: true, requiresDoubleOptIn: true, piiCategories: true,
      sortOrder: true, currentVersion: true, renewalFromVersion: true, retiredAt: true, createdAt: true,
      versions: { orderBy: { version: "desc" }, select: { version: true, texts: true, material: true, publishedAt: true, createdAt: true } },
    },
  });
  const granted = await prisma.consentState.groupBy({ by: ["purposeId", "version"], where: { status: "GRANTED" }, _count: { _all: true } });
  return purposes.map((p) => {
    const grants = granted.filter((g) => g.purposeId === p.id);
    const versions = p.versions.map((v) => ({ ...v, texts: v.texts as PurposeTexts }));
    return {
      ...p,
      versions,
      draft: versions.find((v) => !v.publishedAt) ?? null,
      grants: grants.reduce((n, g) => n + g._count._all, 0),
      grantsNeedingRenewal: grants.filter((g) => g.version < p.renewalFromVersion).reduce((n, g) => n + g._count._all, 0),
    };
  });
}

export type AdminPurpose = Awaited<ReturnType<typeof findPurposesForAdmin>>[number];
