import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { lockPerson } from "./lock-person";
import { resolveEvidenceLocale } from "./resolve-evidence-locale";
import { consentInput, withdrawAllMarketingSchema } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";
import { withdrawPurposes } from "./withdraw-purposes";

/**
 * "Stop all marketing" in one change transaction: withdraws every consent-based purpose the
 * person has granted or is confirming, whatever its channel. Chosen over "consent-based with a
 * channel other than NONE" because the channel-less consent purposes (profiling for
 * personalised offers, sharing with partners) are marketing too (GDPR Art. 21(2) counts
 * profiling for direct marketing), and a person pressing this button expects them to stop.
 * Legitimate-interest purposes (e.g. customer surveys) are not consents; the person objects
 * to them one by one. Returns the purpose keys withdrawn; none means nothing was written.
 */
export async function withdrawAllMarketing({ actor, personId, input = {}, now }: { actor: Actor; personId: string; input?: unknown; now?: Date }) {
  const data = parseOrThrow(withdrawAllMarketingSchema, input, consentInput);
  return runChange(
    actor,
    async (tx, at) => {
      await lockPerson(tx, personId);
      const locale = await resolveEvidenceLocale(tx, personId, data.locale);
      const { withdrawn, audit, events } = await withdrawPurposes(tx, {
        actor, now: at, personId, where: {}, source: data.source,
        choose: (purpose, state) => purpose.legalBasis === "CONSENT" && (state?.status === "GRANTED" || state?.status === "PENDING_CONFIRMATION"),
        evidence: { locale, userAgent: data.userAgent, connectedSystemId: data.connectedSystemId },
      });
      return { result: { withdrawn }, audit, events };
    },
    { now },
  );
}
