import type { Actor } from "../audit/actor";
import type { AuditInput } from "../audit/append-audit-entry";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";
import { defaultLocale, isLocale } from "../i18n/locales";
import { translatorFor } from "../i18n/messages";
import { assertStaffRole } from "../staff/assert-staff-role";
import { personViewSchema, type PersonViewInput } from "./schemas";

/**
 * A staff member opens a person's record and says why. The look is audited as `person.viewed`
 * with the reason (in the person's language, as they read it on their Activity page) and the
 * viewer's role. SUPPORT and up. getPerson360 shows the record only after this. Several records
 * opened together (two candidate duplicates) are recorded in one transaction: all or none.
 */
export async function recordPersonView({ actor, personId, input, now }: { actor: Actor; personId: string | string[]; input: PersonViewInput | unknown; now?: Date }) {
  assertStaffRole(actor, "SUPPORT");
  const parsed = personViewSchema.safeParse(input);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "reasonCode"), i.message]));
    throw new AppError("VALIDATION", "invalid view reason", { fields });
  }
  const { reasonCode, note } = parsed.data;
  return runChange(
    actor,
    async (tx, at) => {
      const audit: AuditInput[] = [];
      for (const id of [personId].flat()) {
        const person = await tx.person.findUnique({ where: { id }, select: { id: true, preferredLanguage: true } });
        if (!person) throw new AppError("NOT_FOUND", "person not found", { userMessage: "personNotFound" });
        const locale = isLocale(person.preferredLanguage) ? person.preferredLanguage : defaultLocale;
        const label = translatorFor(locale, "person360")(`reasons.${reasonCode}`);
        const reason = reasonCode === "other" ? note : note ? `${label}: ${note}` : label;
        audit.push({ action: "person.viewed", personId: id, target: `Person:${id}`, details: { reason, reasonCode, role: actor.role } });
      }
      return { result: { personId, viewedAt: at }, audit };
    },
    { now },
  );
}
