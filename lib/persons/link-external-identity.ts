import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";
import { assertPersonWritable } from "./assert-person-writable";

/**
 * Records a connected system's own id for a person. Linking the same id again changes nothing;
 * an id the system already uses for another person is refused.
 */
export async function linkExternalIdentity({ actor, personId, system, externalId }: { actor: Actor; personId: string; system: string; externalId: string }) {
  return runChange(actor, async (tx, now) => {
    await assertPersonWritable(tx, personId);
    const existing = await tx.externalIdentity.findUnique({ where: { system_externalId: { system, externalId } }, select: { personId: true } });
    if (existing?.personId === personId) return { result: { system, externalId, linked: false }, audit: [] };
    if (existing) throw new AppError("CONFLICT", "the external id belongs to another person", { fields: { externalId: "externalIdTaken" } });
    await tx.externalIdentity.create({ data: { personId, system, externalId, linkedAt: now } });
    return {
      result: { system, externalId, linked: true },
      audit: { action: "person.identity_linked", personId, target: `Person:${personId}`, details: { system } },
      events: [{ type: "person.identity_linked", personId, data: { system, externalId } }],
    };
  });
}
