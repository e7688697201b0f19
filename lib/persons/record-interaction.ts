import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { InteractionKind } from "../db/generated/enums";
import { runChange } from "../changes/run-change";
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

const storedSelect = { kind: true, occurredAt: true, summary: true, amountMinor: true, currency: true } as const;
type StoredInteraction = Prisma.InteractionGetPayload<{ select: typeof storedSelect }>;

/** Whether a report says what the stored row says, compared as stored (an instant, not its spelling; no amount as null). */
function sameContent(row: StoredInteraction, input: InteractionInput): boolean {
  return (
    row.kind === input.kind &&
    row.occurredAt.getTime() === new Date(input.occurredAt).getTime() &&
    row.summary === input.summary &&
    row.amountMinor === (input.amountMinor ?? null) &&
    row.currency === (input.currency ?? null)
  );
}

/**
 * Stores a purchase, service event or support contact a system reports. Idempotent per system
 * and the system's own id: reporting the same again answers the stored one (created: false);
 * the same id with other content is a CONFLICT and changes nothing (the first report stands).
 */
export async function recordInteraction({ actor, personId, system, input }: { actor: Actor; personId: string; system: string; input: InteractionInput }) {
  const existing = async () => {
    const row = await (await db()).interaction.findUnique({ where: { system_externalId: { system, externalId: input.externalId } }, select: { id: true, personId: true, ...storedSelect } });
    if (!row) return null;
    if (row.personId !== personId) throw new AppError("CONFLICT", "the interaction id belongs to another person", { fields: { externalId: "externalIdTaken" } });
    if (!sameContent(row, input)) {
      throw new AppError("CONFLICT", "the interaction already exists with other content", { fields: { externalId: "interactionExistsWithOtherContent" } });
    }
    return { id: row.id, externalId: input.externalId, created: false };
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
