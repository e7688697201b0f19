import type { Actor } from "../audit/actor";
import { withdrawPurposes } from "../consents/withdraw-purposes";
import { runChange, type ChangeOptions } from "../changes/run-change";
import { AppError } from "../errors";
import { defaultLocale, isLocale } from "../i18n/locales";
import { assertPersonWritable } from "../persons/assert-person-writable";
import { parseOrThrow } from "../validation/parse-or-throw";
import { findObjectablePurposeKeys } from "./find-objectable-purpose-keys";
import { insertDataRequest } from "./insert-data-request";
import { objectionSchema } from "./schemas";

/**
 * Objection (GDPR Art. 21) to profiling or to legitimate-interest purposes. Processing stops at
 * once: each chosen purpose is withdrawn (for legitimate interest, recorded as the objection),
 * with its consent event and `consent.updated`; an officer then completes or answers the request.
 */
export async function requestObjection({ actor, personId, input }: { actor: Actor; personId: string; input: unknown }, options?: ChangeOptions) {
  const data = parseOrThrow(objectionSchema, input, { what: "objection" });
  return runChange(
    actor,
    async (tx, now) => {
      const allowed = await findObjectablePurposeKeys(tx);
      const keys = [...new Set(data.purposeKeys)];
      if (keys.some((k) => !allowed.includes(k))) throw new AppError("VALIDATION", "not objectable", { fields: { purposeKeys: "choosePurpose" } });
      await assertPersonWritable(tx, personId);
      const person = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { preferredLanguage: true } });
      const { request, audit } = await insertDataRequest(tx, {
        actor, now, personId, type: "OBJECTION", channel: "PORTAL", status: "IN_PROGRESS", description: data.description ?? null, purposeKeys: keys,
      });
      const locale = isLocale(person.preferredLanguage) ? person.preferredLanguage : defaultLocale;
      const audits = [audit];
      const events = [];
      for (const key of keys) {
        const withdrawn = await withdrawPurposes(tx, { actor, now, personId, where: { key }, source: "PORTAL", evidence: { locale } });
        audits.push(...withdrawn.audit);
        events.push(...withdrawn.events.map((e) => ({ ...e, data: { ...e.data, requestId: request.id } })));
      }
      return { result: request, audit: audits, events };
    },
    options,
  );
}
