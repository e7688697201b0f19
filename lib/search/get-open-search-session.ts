import { db } from "../db/client";
import { PERSON_VIEW_WINDOW_MS } from "../persons/get-recent-person-view";
import type { SearchReason } from "./schemas";

/** How long one stated reason covers a staff member's searches, as for a look at a record. */
export const SEARCH_SESSION_WINDOW_MS = PERSON_VIEW_WINDOW_MS;

export interface SearchSession {
  /** The `person.search_started` entry's insertion id: each `person.searched` names it. */
  id: number;
  at: Date;
  expiresAt: Date;
  reasonCode: SearchReason;
  reason: string;
}

/** The staff user's latest `person.search_started` entry within the window, or null. */
export async function getOpenSearchSession({ userId, now = new Date() }: { userId: string; now?: Date }): Promise<SearchSession | null> {
  const entry = await (await db()).auditEntry.findFirst({
    where: { action: "person.search_started", actorKind: "STAFF", actorId: userId, at: { gte: new Date(now.getTime() - SEARCH_SESSION_WINDOW_MS), lte: now } },
    orderBy: { id: "desc" },
    select: { id: true, at: true, details: true },
  });
  if (!entry) return null;
  const details = (entry.details ?? {}) as { reason?: string; reasonCode?: SearchReason };
  return { id: entry.id, at: entry.at, expiresAt: new Date(entry.at.getTime() + SEARCH_SESSION_WINDOW_MS), reasonCode: details.reasonCode ?? "other", reason: details.reason ?? "" };
}
