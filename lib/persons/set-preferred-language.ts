import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import type { Locale } from "../i18n/locales";
import { assertPersonWritable } from "./assert-person-writable";

/** The person's language for the portal and emails; propagated like any other correction. */
export async function setPreferredLanguage({ actor, personId, locale }: { actor: Actor; personId: string; locale: Locale }) {
  return runChange(actor, async (tx) => {
    await assertPersonWritable(tx, personId);
    const current = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { preferredLanguage: true } });
    if (current.preferredLanguage === locale) return { result: false, audit: [] };
    await tx.person.update({ where: { id: personId }, data: { preferredLanguage: locale } });
    return {
      result: true,
      audit: { action: "person.updated", personId, target: `Person:${personId}`, details: { fields: ["preferredLanguage"] } },
      events: [{ type: "person.updated", personId, data: { changedFields: ["preferredLanguage"], values: { preferredLanguage: locale } } }],
    };
  });
}
