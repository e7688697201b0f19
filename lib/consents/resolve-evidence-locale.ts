import type { Tx } from "../db/types";
import { defaultLocale, isLocale, type Locale } from "../i18n/locales";

/** The language of the shown text: the one the caller says, else the person's, else Finnish. */
export async function resolveEvidenceLocale(tx: Tx, personId: string, given?: Locale): Promise<Locale> {
  if (given) return given;
  const person = await tx.person.findUnique({ where: { id: personId }, select: { preferredLanguage: true } });
  return isLocale(person?.preferredLanguage) ? person.preferredLanguage : defaultLocale;
}
