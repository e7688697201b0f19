import { checkPostalCode } from "../validation/check-postal-code";

export type PostalCodeCheck = { ok: true; value: string } | { ok: false; reason: "postalCodeFi" | "postalCodeSe" | "postalCodeInvalid" };

/**
 * An import cell's postal code, checked for the row's country by the profile's rule (Swedish ones
 * stored as "123 45"). A row without a country may carry any plausible code: exports from
 * systems abroad often have no country column. Pure.
 */
export function normalisePostalCode(value: string, country: string | null): PostalCodeCheck {
  const checked = checkPostalCode(value, country, { unknownCountry: "any" });
  if (checked.ok) return checked;
  return { ok: false, reason: checked.reason === "postalCodeFi" || checked.reason === "postalCodeSe" ? checked.reason : "postalCodeInvalid" };
}
