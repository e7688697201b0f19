export type PostalCodeCheck = { ok: true; value: string } | { ok: false; reason: "postalCodeFi" | "postalCodeSe" | "postalCodeInvalid" };

/**
 * A postal code checked for its country: Finland exactly five digits, Sweden three and two
 * digits (stored as "123 45"), elsewhere 2–10 letters, digits, spaces or hyphens. Pure.
 */
export function normalisePostalCode(value: string, country: string | null): PostalCodeCheck {
  const cell = value.trim().replace(/\s+/g, " ");
  if (country === "FI") return /^\d{5}$/.test(cell) ? { ok: true, value: cell } : { ok: false, reason: "postalCodeFi" };
  if (country === "SE") {
    const m = /^(?:SE-?)?(\d{3}) ?(\d{2})$/i.exec(cell);
    return m ? { ok: true, value: `${m[1]} ${m[2]}` } : { ok: false, reason: "postalCodeSe" };
  }
  return /^[\p{L}\p{N}][\p{L}\p{N} -]{0,8}[\p{L}\p{N}]$/u.test(cell) ? { ok: true, value: cell } : { ok: false, reason: "postalCodeInvalid" };
}
