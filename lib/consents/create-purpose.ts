import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";
import { assertPurposeAdmin } from "./assert-purpose-admin";
import { consentInput, type CreatePurposeInput, createPurposeSchema } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";

/** Creates a purpose with its texts as draft version 1; nobody sees it until it is published. */
export async function createPurpose({ actor, input, now }: { actor: Actor; input: CreatePurposeInput | unknown; now?: Date }) {
  assertPurposeAdmin(actor);
  const { texts, ...fields } = parseOrThrow(createPurposeSchema, input, consentInput);
  return runChange(
    actor,
    async (tx) => {
      const existing = await tx.purpose.findUnique({ where: { key: fields.key }, select: { id: true } });
      if (existing) throw new AppError("CONFLICT", "purpose key taken", { userMessage: "purposeKeyTaken", fields: { key: "purposeKeyTaken" } });
      const purpose = await tx.purpose.create({
        data: { ...fields, versions: { create: { version: 1, texts } } },
        select: { id: true, key: true },
      });
      return {
        result: { purposeId: purpose.id, purposeKey: purpose.key, draftVersion: 1 },
        audit: { action: "purpose.created", target: `Purpose:${purpose.id}`, details: { purposeKey: purpose.key, fields: Object.keys(fields) } },
      };
    },
    { now },
  );
}
