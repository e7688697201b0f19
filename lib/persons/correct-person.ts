import type { Actor } from "../audit/actor";
import type { DataSource } from "../db/generated/enums";
import { runChange, type ChangeOptions } from "../changes/run-change";
import { AppError } from "../errors";
import { checkPostalCode } from "../validation/check-postal-code";
import { parseOrThrow } from "../validation/parse-or-throw";
import { assertPersonWritable } from "./assert-person-writable";
import { correctableFields, partialProfileCorrectionSchema, type CorrectableField } from "./schemas";

export interface CorrectPersonArgs {
  actor: Actor;
  personId: string;
  input: unknown;
  source: DataSource;
  /** The connected system's key when source is SYSTEM or IMPORT. */
  system?: string | null;
  /** Staff corrections state why. */
  reason?: string;
  /**
   * A connected system's view of the data is from this time: refuse (CONFLICT, field →
   * "changedByPerson") any field it would change that the person changed themselves since.
   */
  conflictsAfter?: Date;
}

const asComparable = (field: CorrectableField, value: unknown) =>
  field === "birthDate" && value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? null);

/**
 * Corrects a person's profile. Only the fields whose value changes are written, each with its
 * field history; one audit entry and one `person.updated` event carry the changed field names.
 */
export async function correctPerson({ actor, personId, input, source, system = null, reason, conflictsAfter }: CorrectPersonArgs, options?: ChangeOptions) {
  const data = parseOrThrow(partialProfileCorrectionSchema, input, { what: "profile correction" });
  return runChange(
    actor,
    async (tx, now) => {
      await assertPersonWritable(tx, personId);
      const current = await tx.person.findUniqueOrThrow({ where: { id: personId } });
      // A postal code sent without its country is checked for the country on file.
      if (data.postalCode && data.country === undefined && data.postalCode !== current.postalCode) {
        const checked = checkPostalCode(data.postalCode, current.country);
        if (!checked.ok) throw new AppError("VALIDATION", "invalid profile correction", { fields: { postalCode: checked.reason }, userMessage: "invalid" });
      }
      const changed = correctableFields.filter((f) => f in data && asComparable(f, current[f]) !== data[f]);
      if (changed.length === 0) return { result: { changedFields: [] as CorrectableField[] }, audit: [] };
      if (conflictsAfter) {
        const newer = await tx.personFieldChange.findMany({
          where: { personId, field: { in: changed }, source: "PERSON", changedAt: { gt: conflictsAfter } },
          select: { field: true },
        });
        if (newer.length) throw new AppError("CONFLICT", "changed by the person since", { fields: Object.fromEntries(newer.map((c) => [c.field, "changedByPerson"])) });
      }

      const values = Object.fromEntries(changed.map((f) => [f, data[f]]));
      await tx.person.update({
        where: { id: personId },
        data: { ...values, birthDate: "birthDate" in values ? (values.birthDate ? new Date(`${values.birthDate}T00:00:00Z`) : null) : undefined },
      });
      await tx.personFieldChange.createMany({
        data: changed.map((field) => ({ personId, field, source, system, actorId: actor.id, changedAt: now })),
      });
      return {
        result: { changedFields: changed },
        audit: { action: "person.updated", personId, target: `Person:${personId}`, details: { fields: changed, source, system, ...(reason ? { reason } : {}) } },
        events: [{ type: "person.updated", personId, data: { changedFields: changed, values, source, ...(system ? { system } : {}) } }],
      };
    },
    options,
  );
}
