import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import fi from "i18n-iso-countries/langs/fi.json";
import sv from "i18n-iso-countries/langs/sv.json";
import type { Locale } from "./locales";

countries.registerLocale(en);
countries.registerLocale(fi);
countries.registerLocale(sv);

/** ISO 3166-1 countries with their names in the locale, sorted as a person reads them. */
export function countryOptions(locale: Locale): { code: string; name: string }[] {
  const names = countries.getNames(locale, { select: "official" });
  return Object.entries(names)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

export const countryName = (code: string | null, locale: Locale) => (code ? (countries.getName(code, locale) ?? code) : null);
