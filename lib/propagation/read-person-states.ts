// The state every event about a person carries (data.person, data.consents, data.restricted,
// data.erased): what GET /api/v1/persons/{id} and GET /api/v1/persons/{id}/consents answer, read
// inside the change transaction after the change, so a receiver can apply any event on its own.
import { serializePerson } from "../api/serialize-person";
import { serializePersonConsent } from "../api/serialize-person-consent";
import type { Tx } from "../db/types";
import { evaluateConsent } from "../consents/evaluate-consent";
import { personApiSelect } from "../persons/find-persons";

export type PersonStateData = {
  person: ReturnType<typeof serializePerson> | { id: string; sequence: number; erased: true };
  consents: ReturnType<typeof serializePersonConsent>[];
  restricted: boolean;
  erased: boolean;
};

/** An erased person's state: no personal data left to carry. */
export const erasedPersonState = (id: string, sequence: number): PersonStateData => ({
  person: { id, sequence, erased: true },
  consents: [],
  restricted: false,
  erased: true,
});

/**
 * Each person's full state (details included: they are cut per system when a delivery is
 * claimed), in three queries whatever the number of persons. `person.sequence` is the stored one;
 * the caller sets each event's own.
 */
export async function readPersonStates(tx: Tx, personIds: string[]): Promise<Map<string, PersonStateData>> {
  const states = new Map<string, PersonStateData>();
  if (personIds.length === 0) return states;
  const persons = await tx.person.findMany({ where: { id: { in: personIds } }, select: { ...personApiSelect, restrictedAt: true, erasedAt: true } });
  const live = persons.filter((p) => !p.erasedAt).map((p) => p.id);
  // The same purposes, order and evaluation as findPersonConsents (GET /persons/{id}/consents).
  const purposes = live.length
    ? await tx.purpose.findMany({
        where: { retiredAt: null, currentVersion: { gt: 0 } },
        orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
        select: {
          id: true, key: true, legalBasis: true, currentVersion: true, renewalFromVersion: true, retiredAt: true,
          versions: { where: { publishedAt: { not: null } }, orderBy: { version: "desc" }, take: 1, select: { version: true } },
        },
      })
    : [];
  const stateRows = live.length
    ? await tx.consentState.findMany({ where: { personId: { in: live } }, select: { personId: true, purposeId: true, status: true, version: true, updatedAt: true } })
    : [];
  const stateOf = new Map(stateRows.map((s) => [`${s.personId}\u0000${s.purposeId}`, s]));
  for (const person of persons) {
    if (person.erasedAt) {
      states.set(person.id, erasedPersonState(person.id, person.sequence));
      continue;
    }
    const consents = purposes.flatMap((purpose) => {
      const current = purpose.versions[0];
      if (!current) return [];
      const state = stateOf.get(`${person.id}\u0000${purpose.id}`) ?? null;
      return [serializePersonConsent({
        purposeKey: purpose.key,
        version: current.version,
        ...evaluateConsent(purpose, state, person),
        stateVersion: state?.version ?? null,
        updatedAt: state?.updatedAt ?? null,
      })];
    });
    states.set(person.id, { person: serializePerson(person, ["persons:read:details"]), consents, restricted: person.restrictedAt !== null, erased: false });
  }
  return states;
}
