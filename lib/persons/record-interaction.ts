import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { InteractionKind } from "../db/generated/enums";
import { runChange } from "../db/run-change";
import { AppError } from "../errors";
import { assertPersonWritable } from "./assert-person-writable";

export interface InteractionInput {
  externalId: string;
  kind: InteractionKind;
  occurredAt: string;
  summary: string;
  amountMinor?: number;
  currency?: string;
}

/**
 * Stores a purchase, service event or support contact a system reports. Idempotent per system
 * and the system's own id: reporting it again answers the stored one (created: false).
 */
export async function recordInteraction({ actor, personId, system, input }: { actor: Actor; personId: string; system: string; input: InteractionInput }) {
  const existing = async () => {
    const row = await (await db()).interaction.findUnique({ where: { system_externalId: { system, externalId: input.externalId } }, select: { id: true, personId: true } });
    if (row && row.personId !== personId) throw new AppError("CONFLICT", "the interaction id belongs to another person", { fields: { externalId: "externalIdTaken" } });
    return row ? { id: row.id, externalId: input.externalId, created: false } : null;
  };
  const found = await existing();
  if (found) return found;
  try {
    return await runChange(actor, async (tx) => {
      await assertPersonWritable(tx, personId);
      const row = await tx.interaction.create({
        data: { personId, system, externalId: input.externalId, kind: input.kind, occurredAt: new Date(input.occurredAt), summary: input.summary, amountMinor: input.amountMinor ?? null, currency: input.currency ?? null },
        select: { id: true },
      });
      return {
        result: { id: row.id, externalId: input.externalId, created: true },
        audit: { action: "interaction.recorded", personId, target: `Interaction:${row.id}`, details: { system, kind: input.kind } },
        events: [{ type: "interaction.recorded", personId, data: { interactionId: row.id, system, kind: input.kind, occurredAt: input.occurredAt } }],
      };
    });
  } catch (error) {
    // The same interaction posted twice at once: the second answers the first's row.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return (await existing())!;
    throw error;
  }
}
