// Dates and times as people in Finland read them, in one zone. Pure and client-safe: the zone is
// passed in (TIME_ZONE from the configuration on the server, next-intl's timeZone in the browser),
// so pages, emails, the worker and exports all print the same text for the same instant.
import { isLocale, type Locale } from "./locales";

/**
 * The Intl locale a UI language formats with. Plain "en" is US English (month first, "7:37 PM");
 * Finland's English readers expect British order and the 24-hour clock, and Swedish in Finland
 * writes 7.12.2026 and 19.37 as Finnish does.
 */
export const intlLocales: Record<Locale, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

export const intlLocale = (locale: string): string => (isLocale(locale) ? intlLocales[locale] : locale);

const cache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale(locale), options);
    cache.set(key, formatter);
  }
  return formatter;
}

/** An instant in `timeZone`, e.g. en "7 Dec 2026, 19:37", fi "7.12.2026 klo 19.37". */
export function formatDateTime(value: Date, locale: string, timeZone: string, options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" }): string {
  return formatterFor(locale, { timeZone, ...options }).format(value);
}

/**
 * A calendar date stored as YYYY-MM-DD (a birth date): the same day everywhere, so it is never
 * shifted into a zone. `style` as Intl's dateStyle.
 */
export function formatCalendarDate(isoDay: string, locale: string, style: Intl.DateTimeFormatOptions["dateStyle"] = "long"): string {
  return formatterFor(locale, { dateStyle: style, timeZone: "UTC" }).format(new Date(`${isoDay}T00:00:00Z`));
}

/** A calendar date as typed into a date field: fi/sv "31.12.1985", en "31/12/1985". */
export function formatDateInput(isoDay: string, locale: string): string {
  return formatterFor(locale, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }).format(new Date(`${isoDay}T00:00:00Z`));
}
