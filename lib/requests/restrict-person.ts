import type { AuditInput } from "../audit/append-audit-entry";
import type { Tx } from "../db/types";
import { createManualTasks } from "../manual-tasks/create-manual-tasks";
import type { OutboxInput } from "../propagation/record-outbox-event";

/**
 * Restricts processing of the person (GDPR Art. 18), inside the caller's change transaction:
 * from now on no purpose is permitted for them (see evaluateConsent) and connected systems are
 * told with `person.restricted`; the owner of each manual system holding them gets a task.
 * Already restricted: nothing more is written.
 */
export async function restrictPerson(tx: Tx, { personId, requestId, now }: { personId: string; requestId: string; now: Date }) {
  const { count } = await tx.person.updateMany({ where: { id: personId, restrictedAt: null, erasedAt: null }, data: { restrictedAt: now } });
  if (count === 0) return { audit: [] as AuditInput[], events: [] as OutboxInput[] };
  const tasks = await createManualTasks(tx, { request: { id: requestId, personId }, kind: "RESTRICTION", now });
  return {
    audit: [{ action: "person.restricted", personId, target: `Person:${personId}`, details: { dataRequestId: requestId } }, ...tasks] as AuditInput[],
    events: [{ type: "person.restricted", personId, data: { requestId, restrictedAt: now.toISOString() } }] as OutboxInput[],
  };
}
