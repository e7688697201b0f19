// Postal codes checked for their country. The portal serves Finland: with no country given, a
// Finnish-shaped code (five digits) is taken as Finnish and anything else is refused, so a stray
// "ABC12" is not kept just because the country was left empty.

export type PostalCodeReason = "postalCodeFi" | "postalCodeSe" | "postalCodeCountry" | "postalCodeInvalid" | "postalCodeNoCountry";
export type PostalCodeCheck = { ok: true; value: string } | { ok: false; reason: PostalCodeReason };

/** The common countries' formats; the value is checked after spaces are collapsed. */
const formats: Record<string, RegExp> = {
  FI: /^\d{5}$/,
  AX: /^(?:AX-?)?22\d{3}$/i,
  SE: /^(?:SE-?)?\d{3} ?\d{2}$/i,
  NO: /^\d{4}$/,
  DK: /^(?:DK-?)?\d{4}$/i,
  IS: /^\d{3}$/,
  EE: /^\d{5}$/,
  LV: /^(?:LV-?)?\d{4}$/i,
  LT: /^(?:LT-?)?\d{5}$/i,
  DE: /^\d{5}$/,
  PL: /^\d{2}-\d{3}$/,
  NL: /^\d{4} ?[A-Z]{2}$/i,
  BE: /^\d{4}$/,
  AT: /^\d{4}$/,
  CH: /^\d{4}$/,
  FR: /^\d{5}$/,
  ES: /^\d{5}$/,
  IT: /^\d{5}$/,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i,
  US: /^\d{5}(?:-\d{4})?$/,
  RU: /^\d{6}$/,
};

/** Elsewhere: 2–10 letters, digits, spaces or hyphens, starting and ending with a letter or digit. */
const anyCountry = /^[\p{L}\p{N}][\p{L}\p{N} -]{0,8}[\p{L}\p{N}]$/u;

const reasonFor = (country: string): PostalCodeReason => (country === "FI" || country === "AX" ? "postalCodeFi" : country === "SE" ? "postalCodeSe" : "postalCodeCountry");

/**
 * A postal code for `country` (ISO 3166 alpha-2), normalised: Swedish ones as "123 45". With
 * `country` null, Finland is assumed when the code is Finnish-shaped, and anything else is
 * refused ("postalCodeNoCountry") unless `unknownCountry: "any"` (an import row without a
 * country column) lets any plausible code through. Pure.
 */
export function checkPostalCode(value: string, country: string | null, { unknownCountry = "finland" }: { unknownCountry?: "finland" | "any" } = {}): PostalCodeCheck {
  const code = value.trim().replace(/\s+/g, " ");
  const upper = country?.toUpperCase() ?? null;
  if (upper === null) {
    if (formats.FI!.test(code)) return { ok: true, value: code };
    if (unknownCountry === "finland") return { ok: false, reason: "postalCodeNoCountry" };
    return anyCountry.test(code) ? { ok: true, value: code } : { ok: false, reason: "postalCodeInvalid" };
  }
  const format = formats[upper];
  if (!format) return anyCountry.test(code) ? { ok: true, value: code } : { ok: false, reason: "postalCodeInvalid" };
  if (!format.test(code)) return { ok: false, reason: reasonFor(upper) };
  if (upper === "SE") {
    const digits = code.replace(/\D/g, "");
    return { ok: true, value: `${digits.slice(0, 3)} ${digits.slice(3)}` };
  }
  return { ok: true, value: code.toUpperCase() };
}
