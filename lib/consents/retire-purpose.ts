import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";
import { assertPurposeAdmin } from "./assert-purpose-admin";
import { consentInput, retirePurposeSchema } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";

/**
 * Retires a purpose: it leaves the person's list, permits nothing and takes no new grants. Its
 * versions and the consent history stay as proof. Retiring twice changes nothing.
 */
export async function retirePurpose({ actor, input, now }: { actor: Actor; input: { purposeKey: string } | unknown; now?: Date }) {
  assertPurposeAdmin(actor);
  const { purposeKey } = parseOrThrow(retirePurposeSchema, input, consentInput);
  return runChange(
    actor,
    async (tx, at) => {
      const purpose = await tx.purpose.findUnique({ where: { key: purposeKey }, select: { id: true, retiredAt: true } });
      if (!purpose) throw new AppError("NOT_FOUND", "purpose not found", { userMessage: "purposeNotFound" });
      if (purpose.retiredAt) return { result: { purposeKey, retired: false }, audit: [] };
      await tx.purpose.update({ where: { id: purpose.id }, data: { retiredAt: at } });
      return {
        result: { purposeKey, retired: true },
        audit: { action: "purpose.retired", target: `Purpose:${purpose.id}`, details: { purposeKey } },
        events: [{ type: "purpose.retired", personId: null, data: { purposeKey } }],
      };
    },
    { now },
  );
}
