import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { z } from "zod";
import { isStorableText } from "../db/is-storable-text";
import { normaliseBusinessId } from "../organizations/business-id";
import { MAX_AGE_YEARS } from "../persons/schemas";
import { normalisePostalCode } from "./normalise-postal-code";
import { parseImportDate } from "./parse-import-date";
import { resolveCountry } from "./resolve-country";
import { CONSENT_NO, CONSENT_YES, type ImportField, type ImportMapping } from "./schemas";

export type ProfileField = "givenName" | "familyName" | "streetAddress" | "postalCode" | "city" | "country" | "preferredLanguage" | "birthDate";

export interface ImportRow {
  /** The line in the file where the record starts; the header is line 1. */
  row: number;
  email: string | null;
  /** E.164. */
  phone: string | null;
  externalId: string | null;
  /** Profile values present in the row (blank cells say nothing and are left out). */
  profile: Partial<Record<ProfileField, string>>;
  /** The organisation the person acts for, by its normalised business ID. */
  organisation: { businessId: string; name: string | null; role: string | null } | null;
  /** When the source created the record: the provenance time of the values the row sets. */
  createdAt: Date | null;
  /** Purpose key → yes (true) or no (false); blank cells are left out. */
  consents: Record<string, boolean>;
}

export interface RowProblem {
  /** The line in the file where the record starts (header = 1). */
  row: number;
  column: string | null;
  /** A key in "importer.reasons". */
  reason: string;
}

const emailSchema = z.email().max(254);
const LANGUAGES: Record<string, "fi" | "sv" | "en"> = {
  fi: "fi", fin: "fi", suomi: "fi", finnish: "fi", finska: "fi", "suomen kieli": "fi",
  sv: "sv", swe: "sv", svenska: "sv", swedish: "sv", ruotsi: "sv",
  en: "en", eng: "en", english: "en", englanti: "en", engelska: "en",
};
const TEXT_LIMITS = { givenName: 100, familyName: 100, streetAddress: 200, city: 100, organisationName: 200, organisationRole: 200, externalId: 200 } as const;

/**
 * Reads one CSV record with the mapping, strictly: every mapped cell is checked (email, phone
 * for the row's country, real calendar dates, postal code per country, country codes or names,
 * language, consent answers, business ID check digit), and each problem is reported with its
 * column. Blank cells are "not known" (an import never clears a value). Pure: whether the row
 * may create or match a person is decided against the database later.
 */
export function validateImportRow(record: string[], row: number, columns: Map<string, number>, mapping: ImportMapping, width: number, today = new Date()): ImportRow | RowProblem[] {
  if (record.length !== width) return [{ row, column: null, reason: "columnCount" }];
  const fields = mapping.fields;
  const cell = (field: ImportField) => (fields[field] === undefined ? "" : (record[columns.get(fields[field]!)!] ?? "").trim());
  const problems: RowProblem[] = [];
  const refuse = (field: ImportField | null, reason: string) => problems.push({ row, column: field ? (fields[field] ?? null) : null, reason });
  const profile: ImportRow["profile"] = {};

  for (const [field, max] of Object.entries(TEXT_LIMITS) as [keyof typeof TEXT_LIMITS, number][]) {
    const value = cell(field);
    if (value.length > max) refuse(field, "tooLong");
    else if (!isStorableText(value)) refuse(field, "invalid");
  }
  for (const field of ["givenName", "familyName", "streetAddress", "city"] as const) if (cell(field)) profile[field] = cell(field);

  let email: string | null = null;
  if (cell("email")) {
    const parsed = emailSchema.safeParse(cell("email").toLowerCase());
    if (parsed.success) email = parsed.data;
    else refuse("email", "emailInvalid");
  }
  const externalId = cell("externalId") || null;

  let country: string | null = null;
  if (cell("country")) {
    country = resolveCountry(cell("country"), mapping.values.country ?? {});
    if (country) profile.country = country;
    else refuse("country", "countryInvalid");
  }
  let phone: string | null = null;
  if (cell("phone")) {
    const parsed = parsePhoneNumberFromString(cell("phone"), (country ?? "FI") as CountryCode);
    if (parsed?.isValid()) phone = parsed.number;
    else refuse("phone", "phoneInvalid");
  }
  if (cell("postalCode")) {
    const checked = normalisePostalCode(cell("postalCode"), country);
    if (checked.ok) profile.postalCode = checked.value;
    else refuse("postalCode", checked.reason);
  }
  if (cell("preferredLanguage")) {
    const language = LANGUAGES[cell("preferredLanguage").toLowerCase()];
    if (language) profile.preferredLanguage = language;
    else refuse("preferredLanguage", "languageInvalid");
  }
  if (cell("birthDate")) {
    const parsed = parseImportDate(cell("birthDate"));
    // As in the profile form: the latest date anywhere on Earth (UTC+14) is not in the future.
    const todayIso = new Date(today.getTime() + 14 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const oldest = `${Number(todayIso.slice(0, 4)) - MAX_AGE_YEARS}${todayIso.slice(4)}`;
    if (!parsed.ok) refuse("birthDate", parsed.reason);
    else if (parsed.date > todayIso) refuse("birthDate", "birthDateFuture");
    else if (parsed.date < oldest) refuse("birthDate", "birthDateImplausible");
    else profile.birthDate = parsed.date;
  }
  let createdAt: Date | null = null;
  if (cell("createdAt")) {
    const parsed = parseImportDate(cell("createdAt"), { time: true });
    if (!parsed.ok) refuse("createdAt", parsed.reason);
    else if (parsed.at > today) refuse("createdAt", "createdAtFuture");
    else createdAt = parsed.at;
  }

  let organisation: ImportRow["organisation"] = null;
  if (cell("businessId")) {
    const businessId = normaliseBusinessId(cell("businessId"));
    if (businessId) organisation = { businessId, name: cell("organisationName") || null, role: cell("organisationRole") || null };
    else refuse("businessId", "businessIdInvalid");
  } else if (cell("organisationName") || cell("organisationRole")) {
    refuse(fields.businessId ? "businessId" : cell("organisationName") ? "organisationName" : "organisationRole", "businessIdMissing");
  }

  const consents: Record<string, boolean> = {};
  for (const [purposeKey, column] of Object.entries(mapping.consents)) {
    const value = (record[columns.get(column)!] ?? "").trim().toLowerCase();
    if (!value) continue;
    if (CONSENT_YES.includes(value)) consents[purposeKey] = true;
    else if (CONSENT_NO.includes(value)) consents[purposeKey] = false;
    else problems.push({ row, column, reason: "consentValueInvalid" });
  }

  // Sign-in is by email: without one a row can only update a person known by its external id.
  if (!email && !externalId && !problems.some((p) => p.column === fields.email && fields.email)) refuse(fields.email ? "email" : null, "emailMissing");
  if (problems.length) return problems;
  return { row, email, phone, externalId, profile, organisation, createdAt, consents };
}
