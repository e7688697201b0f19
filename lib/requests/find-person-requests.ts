import { db } from "../db/client";
import { effectiveDueAt } from "./due-date";

/**
 * "My requests": the person's own requests, newest first, each with its status, due date and the
 * timeline steps meant for them (officers' internal notes are not shown).
 */
export async function findPersonRequests(personId: string) {
  const rows = await (await db()).dataRequest.findMany({
    where: { personId },
    orderBy: { receivedAt: "desc" },
    take: 100,
    select: {
      id: true, type: true, channel: true, status: true, description: true, receivedAt: true, dueAt: true, extendedDueAt: true, scheduledFor: true, closedAt: true,
      steps: { where: { internal: false }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true, at: true, kind: true, status: true, note: true } },
    },
  });
  return rows.map((r) => ({ ...r, due: effectiveDueAt(r), cancellable: r.status === "RECEIVED" || r.status === "VERIFYING" }));
}
