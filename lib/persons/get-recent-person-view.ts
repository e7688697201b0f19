import { db } from "../db/client";
import type { Tx } from "../db/types";

/** How long one stated reason covers a staff member's look at a record. */
export const PERSON_VIEW_WINDOW_MS = 30 * 60 * 1000;

/**
 * The staff user's latest `person.viewed` entry for the person within the window, or null.
 * `client`: the change transaction, for a write that checks it inside its own transaction.
 */
export async function getRecentPersonView({ userId, personId, now = new Date(), client }: { userId: string; personId: string; now?: Date; client?: Tx }) {
  const entry = await (client ?? (await db())).auditEntry.findFirst({
    where: { personId, action: "person.viewed", actorKind: "STAFF", actorId: userId, at: { gte: new Date(now.getTime() - PERSON_VIEW_WINDOW_MS) } },
    orderBy: { id: "desc" },
    select: { id: true, at: true, details: true },
  });
  if (!entry) return null;
  const details = (entry.details ?? {}) as { reason?: string; reasonCode?: string };
  return { id: entry.id, at: entry.at, reason: details.reason ?? "", reasonCode: details.reasonCode ?? "other" };
}
