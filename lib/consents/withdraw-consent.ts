import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";
import { lockPerson } from "./lock-person";
import { resolveEvidenceLocale } from "./resolve-evidence-locale";
import { consentInput, type WithdrawConsentInput, withdrawConsentSchema } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";
import { withdrawPurposes } from "./withdraw-purposes";

/**
 * Withdraws one purpose (for legitimate interest: records the person's objection). As easy as
 * granting (GDPR Art. 7(3)): no confirmation step. Withdrawing what is not granted writes
 * nothing and answers changed: false. A pending double opt-in is withdrawn too, which disables
 * its link.
 */
export async function withdrawConsent({ actor, personId, input, now }: { actor: Actor; personId: string; input: WithdrawConsentInput | unknown; now?: Date }) {
  const data = parseOrThrow(withdrawConsentSchema, input, consentInput);
  return runChange(
    actor,
    async (tx, at) => {
      await lockPerson(tx, personId);
      const exists = await tx.purpose.findUnique({ where: { key: data.purposeKey }, select: { currentVersion: true } });
      if (!exists?.currentVersion) throw new AppError("NOT_FOUND", "purpose not found", { userMessage: "purposeNotFound" });
      const locale = await resolveEvidenceLocale(tx, personId, data.locale);
      const { withdrawn, audit, events } = await withdrawPurposes(tx, {
        actor, now: at, personId, where: { key: data.purposeKey }, source: data.source,
        evidence: { locale, userAgent: data.userAgent, connectedSystemId: data.connectedSystemId },
      });
      return { result: { purposeKey: data.purposeKey, changed: withdrawn.length > 0 }, audit, events };
    },
    { now },
  );
}
