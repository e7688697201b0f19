import { createTranslator } from "next-intl";
import en from "./messages/en.json";
import fi from "./messages/fi.json";
import sv from "./messages/sv.json";
import type { Locale } from "./locales";

export const messages = { fi, sv, en } as const;
export type Messages = typeof en;

/** A translator outside React (emails, the worker). */
export function translatorFor<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messages[locale] as Messages, namespace });
}
