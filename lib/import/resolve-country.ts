import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import fi from "i18n-iso-countries/langs/fi.json";
import sv from "i18n-iso-countries/langs/sv.json";

// The browser build registers no locale by itself; the mapping UI resolves names client-side too.
for (const locale of [en, fi, sv]) countries.registerLocale(locale);

const normalise = (value: string) => value.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");

/**
 * The ISO 3166 alpha-2 code a country cell means, or null: first the mapping's own value map
 * (cell as written → code), then an alpha-2 or alpha-3 code in any case, then the country's name
 * in Finnish, Swedish or English ("Suomi", "Finland", "Ruotsi", "Sverige", "Sweden"…). Pure.
 */
export function resolveCountry(value: string, overrides: Record<string, string> = {}): string | null {
  const cell = value.trim();
  if (!cell) return null;
  const override = overrides[cell] ?? Object.entries(overrides).find(([k]) => normalise(k) === normalise(cell))?.[1];
  if (override !== undefined) return resolveCode(override);
  return resolveCode(cell) ?? resolveName(cell);
}

function resolveCode(value: string): string | null {
  const upper = value.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(upper)) return countries.isValid(upper) ? upper : null;
  if (/^[A-Z]{3}$/.test(upper)) return countries.alpha3ToAlpha2(upper) ?? null;
  return null;
}

let names: Map<string, string> | undefined;

/** Every official and alternative name in Finnish, Swedish and English → its code; built once. */
function resolveName(value: string): string | null {
  if (!names) {
    names = new Map();
    // Later locales overwrite: a name shared across languages resolves as Finnish, then Swedish, then English.
    for (const locale of ["en", "sv", "fi"]) {
      for (const [alpha2, all] of Object.entries(countries.getNames(locale, { select: "all" }))) {
        for (const name of all as string[]) names.set(normalise(name), alpha2);
      }
    }
  }
  return names.get(normalise(value)) ?? null;
}
