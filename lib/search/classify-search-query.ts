import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { normaliseBusinessId } from "../organizations/business-id";

export interface ClassifiedQuery {
  /** The whole query, trimmed: tried as an external id in any connected system. */
  raw: string;
  /** A complete address, lower-cased; or null. */
  email: string | null;
  /** A word of 3+ characters that is not a whole address: tried as part of an address. */
  emailFragment: string | null;
  /** E.164, when the query reads as a phone number (Finnish numbers without the country code too). */
  phone: string | null;
  businessId: string | null;
  /** Words to match against given and family names, typos tolerated. */
  nameTokens: string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Reads what a search box's text could be. Pure, so the rules are unit-tested. */
export function classifySearchQuery(input: string): ClassifiedQuery {
  const raw = input.trim().replace(/\s+/g, " ");
  const lower = raw.toLowerCase();
  const email = EMAIL.test(lower) ? lower : null;
  const emailFragment = !email && lower.length >= 3 && !lower.includes(" ") ? lower : null;
  const digits = raw.replace(/\D/g, "");
  let phone: string | null = null;
  if (/^[+\d\s().-]+$/.test(raw) && digits.length >= 6) {
    const parsed = parsePhoneNumberFromString(raw, "FI");
    if (parsed?.isValid()) phone = parsed.number;
  }
  const businessId = /^\d{6,7}-?\d$/.test(raw) ? normaliseBusinessId(raw) : null;
  const nameTokens = email || raw.includes("@") ? [] : raw.split(" ").filter((token) => /\p{L}/u.test(token) && !/\d/.test(token) && token.length >= 2).slice(0, 4);
  return { raw, email, emailFragment, phone, businessId, nameTokens };
}
