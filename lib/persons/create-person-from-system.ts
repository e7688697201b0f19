import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";

/**
 * A connected system brings a new address (e.g. a newsletter sign-up in the web shop): a person
 * with only that address, its provenance the system. An address that exists answers its person.
 */
export async function createPersonFromSystem({ actor, system, email }: { actor: Actor; system: string; email: string }) {
  const normalised = email.trim().toLowerCase();
  return runChange(actor, async (tx, now) => {
    const existing = await tx.person.findUnique({ where: { email: normalised }, select: { id: true } });
    if (existing) return { result: { personId: existing.id, created: false }, audit: [] };
    const person = await tx.person.create({ data: { email: normalised }, select: { id: true } });
    await tx.personFieldChange.create({ data: { personId: person.id, field: "email", source: "SYSTEM", system, actorId: actor.id, changedAt: now } });
    return {
      result: { personId: person.id, created: true },
      audit: { action: "person.created", personId: person.id, target: `Person:${person.id}`, details: { source: "SYSTEM", system } },
      events: [{ type: "person.created", personId: person.id, data: { source: "SYSTEM", system } }],
    };
  });
}
