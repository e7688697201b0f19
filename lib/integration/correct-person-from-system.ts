import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { isAppError } from "../errors";
import { correctPerson } from "../persons/correct-person";
import { correctableFields, type CorrectableField } from "../persons/schemas";

export interface CorrectionConflict {
  field: string;
  currentValue: string | null;
  changedAt: string | null;
}

export type SystemCorrectionResult = { ok: true; changedFields: CorrectableField[] } | { ok: false; conflicts: CorrectionConflict[] };

/**
 * A connected system corrects a person (provenance: that system). The person is the best source
 * of their own data: a field they changed themselves after the system's `observedAt` is not
 * overwritten; the whole correction is refused and the current values are returned instead.
 */
export async function correctPersonFromSystem({ actor, systemKey, personId, observedAt, changes }: { actor: Actor; systemKey: string; personId: string; observedAt: Date; changes: unknown }): Promise<SystemCorrectionResult> {
  try {
    const { changedFields } = await correctPerson({ actor, personId, input: changes, source: "SYSTEM", system: systemKey, conflictsAfter: observedAt });
    return { ok: true, changedFields };
  } catch (error) {
    if (!isAppError(error) || error.code !== "CONFLICT" || !error.options.fields) throw error;
    const fields = Object.keys(error.options.fields).filter((f): f is CorrectableField => (correctableFields as readonly string[]).includes(f));
    return { ok: false, conflicts: await currentValues(personId, fields) };
  }
}

async function currentValues(personId: string, fields: CorrectableField[]): Promise<CorrectionConflict[]> {
  const prisma = await db();
  const person = await prisma.person.findUniqueOrThrow({ where: { id: personId } });
  const changes = await prisma.personFieldChange.findMany({ where: { personId, field: { in: fields } }, orderBy: { changedAt: "desc" }, select: { field: true, changedAt: true } });
  return fields.map((field) => {
    const value = person[field];
    return {
      field,
      currentValue: value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? null),
      changedAt: changes.find((c) => c.field === field)?.changedAt.toISOString() ?? null,
    };
  });
}
