import type { AuditInput } from "../audit/append-audit-entry";
import type { Tx } from "../db/types";
import type { OutboxInput } from "../propagation/record-outbox-event";

/**
 * Restricts processing of the person (GDPR Art. 18), inside the caller's change transaction:
 * from now on no purpose is permitted for them (see evaluateConsent) and connected systems are
 * told with `person.restricted`. Already restricted: nothing more is written.
 */
export async function restrictPerson(tx: Tx, { personId, requestId, now }: { personId: string; requestId: string; now: Date }) {
  const { count } = await tx.person.updateMany({ where: { id: personId, restrictedAt: null, erasedAt: null }, data: { restrictedAt: now } });
  if (count === 0) return { audit: [] as AuditInput[], events: [] as OutboxInput[] };
  return {
    audit: [{ action: "person.restricted", personId, target: `Person:${personId}`, details: { dataRequestId: requestId } }] as AuditInput[],
    events: [{ type: "person.restricted", personId, data: { requestId, restrictedAt: now.toISOString() } }] as OutboxInput[],
  };
}
