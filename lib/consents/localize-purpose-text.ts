import { defaultLocale, type Locale } from "../i18n/locales";
import type { PurposeText } from "./schemas";

/** The version's text in `locale`; Finnish when that language is missing (older or hand-made rows). */
export function localizePurposeText(texts: unknown, locale: Locale): PurposeText & { locale: Locale } {
  const all = (texts ?? {}) as Partial<Record<Locale, PurposeText>>;
  const own = all[locale];
  if (own?.title) return { ...own, locale };
  const fallback = all[defaultLocale] ?? all.en ?? { title: "", description: "" };
  return { title: fallback.title, description: fallback.description, locale: all[defaultLocale] ? defaultLocale : "en" };
}
