import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { AppError } from "../errors";
import { getRecentPersonView } from "../persons/get-recent-person-view";
import { assertStaffRole } from "../staff/assert-staff-role";
import { mergeableFields } from "./schemas";

/**
 * Two persons side by side for the merge form: every mergeable field of each, and what each
 * brings along (external ids, memberships, interactions, consent events, requests, a portal
 * account). PRIVACY_OFFICER and up, after opening both records with a reason (recordPersonView).
 */
export async function getMergePreview({ actor, ids }: { actor: Actor; ids: [string, string] }) {
  assertStaffRole(actor, "PRIVACY_OFFICER");
  for (const personId of ids) {
    if (!(await getRecentPersonView({ userId: actor.id, personId }))) throw new AppError("FORBIDDEN", "state a reason first", { userMessage: "reasonRequired" });
  }
  const persons = await (await db()).person.findMany({
    where: { id: { in: ids }, erasedAt: null },
    select: {
      id: true, createdAt: true, ...Object.fromEntries(mergeableFields.map((f) => [f, true])),
      user: { select: { id: true } },
      _count: { select: { externalIds: true, memberships: true, interactions: true, consentEvents: true, dataRequests: true } },
    },
  });
  if (persons.length !== 2) throw new AppError("NOT_FOUND", "person not found", { userMessage: "personNotFound" });
  return ids.map((id) => {
    const p = persons.find((x) => x.id === id)!;
    const values = Object.fromEntries(mergeableFields.map((f) => {
      const v = (p as Record<string, unknown>)[f];
      return [f, v instanceof Date ? v.toISOString().slice(0, 10) : ((v as string | null) ?? null)];
    })) as Record<(typeof mergeableFields)[number], string | null>;
    return { id, createdAt: p.createdAt, values, hasAccount: p.user !== null, counts: p._count };
  }) as [MergeSide, MergeSide];
}

export interface MergeSide {
  id: string;
  createdAt: Date;
  values: Record<(typeof mergeableFields)[number], string | null>;
  hasAccount: boolean;
  counts: { externalIds: number; memberships: number; interactions: number; consentEvents: number; dataRequests: number };
}
