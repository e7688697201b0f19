import { z } from "zod";
import { partialProfileCorrectionSchema } from "../persons/schemas";
import { CONSENT_NO, CONSENT_YES, type ImportField, type ImportMapping } from "./schemas";

export interface ImportRow {
  /** The row's number in the file; the header is row 1. */
  row: number;
  email: string | null;
  phone: string | null;
  externalId: string | null;
  /** Profile values present in the row (blank cells say nothing and are left out). */
  profile: Partial<Record<Exclude<ImportField, "email" | "externalId">, string>>;
  /** Purpose key → yes (true) or no (false); blank cells are left out. */
  consents: Record<string, boolean>;
}

export interface RowProblem {
  row: number;
  column: string | null;
  /** A key in "importer.reasons". */
  reason: string;
}

const emailSchema = z.string().toLowerCase().pipe(z.email().max(254));

/**
 * Reads one CSV record with the mapping: blank cells are "not known" (an import never clears a
 * value), profile fields are checked with the same rules as the portal's form, a row needs an
 * email, a phone or an external id. Pure: matching against the database comes later.
 */
export function validateImportRow(record: string[], row: number, columns: Map<string, number>, mapping: ImportMapping, width: number): ImportRow | RowProblem[] {
  if (record.length !== width) return [{ row, column: null, reason: "columnCount" }];
  const cell = (column: string | undefined) => (column === undefined ? "" : (record[columns.get(column)!] ?? "").trim());
  const problems: RowProblem[] = [];
  const fields = mapping.fields;

  let email: string | null = null;
  if (cell(fields.email)) {
    const parsed = emailSchema.safeParse(cell(fields.email));
    if (parsed.success) email = parsed.data;
    else problems.push({ row, column: fields.email!, reason: "emailInvalid" });
  }
  const externalId = cell(fields.externalId) || null;
  if (externalId && externalId.length > 200) problems.push({ row, column: fields.externalId!, reason: "tooLong" });

  const present: Record<string, string> = Object.fromEntries(
    (["phone", "givenName", "familyName", "streetAddress", "postalCode", "city", "country", "preferredLanguage", "birthDate"] as const)
      .map((f) => [f, cell(fields[f])] as const)
      .filter(([, v]) => v !== ""),
  );
  // Finnish and Swedish exports write dates as 31.12.1980.
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(present.birthDate ?? "");
  if (dotted) present.birthDate = `${dotted[3]}-${dotted[2]!.padStart(2, "0")}-${dotted[1]!.padStart(2, "0")}`;
  if (present.preferredLanguage) present.preferredLanguage = present.preferredLanguage.toLowerCase();
  const profile = partialProfileCorrectionSchema.safeParse(present);
  if (!profile.success) {
    for (const issue of profile.error.issues) {
      const field = String(issue.path[0] ?? "");
      problems.push({ row, column: fields[field as ImportField] ?? null, reason: issue.message });
    }
  }

  const consents: Record<string, boolean> = {};
  for (const [purposeKey, column] of Object.entries(mapping.consents)) {
    const value = cell(column).toLowerCase();
    if (!value) continue;
    if (CONSENT_YES.includes(value)) consents[purposeKey] = true;
    else if (CONSENT_NO.includes(value)) consents[purposeKey] = false;
    else problems.push({ row, column, reason: "consentValueInvalid" });
  }

  const data = profile.success ? profile.data : {};
  const phone = (data.phone as string | null | undefined) ?? null;
  if (!email && !phone && !externalId && problems.length === 0) problems.push({ row, column: null, reason: "noIdentifier" });
  if (problems.length) return problems;
  const values = Object.fromEntries(Object.entries(data).filter(([k, v]) => k !== "phone" && v !== null && v !== undefined)) as ImportRow["profile"];
  return { row, email, phone, externalId, profile: values, consents };
}
