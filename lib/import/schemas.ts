// CSV import of persons and consents (a CRM export). Messages are keys in the "importer"
// namespace: "importer.errors.*" for the forms, "importer.reasons.*" for refused rows.
import { z } from "zod";
import { purposeKeySchema } from "../consents/schemas";
import { isStorableText } from "../db/is-storable-text";

/** Biggest file taken, and the size of the pieces it is kept in. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
export const IMPORT_CHUNK_BYTES = 1024 * 1024;

/**
 * What a CSV column can be mapped to. A row creates a person only with a valid email (sign-in is
 * by email); without one it must match an existing person by the source system's external id.
 */
export const importFields = [
  "email", "phone", "givenName", "familyName", "streetAddress", "postalCode", "city", "country", "preferredLanguage", "birthDate",
  "externalId", "organisationName", "businessId", "organisationRole", "createdAt",
] as const;
export type ImportField = (typeof importFields)[number];
/** A mapping must map at least one of these: they are the only ones that match a row to a person. */
export const identifyingFields = ["email", "externalId"] as const satisfies readonly ImportField[];
/** Fields whose cell values can be translated by the mapping's value map (e.g. "Suomi" → "FI"). */
export const valueMappedFields = ["country"] as const satisfies readonly ImportField[];

const column = z.string().trim().min(1).max(200).refine(isStorableText, { error: "invalid" });
const cellValue = z.string().max(200).refine(isStorableText, { error: "invalid" });

export const importMappingSchema = z
  .object({
    fields: z.partialRecord(z.enum(importFields), column).default({}),
    /** Purpose key → the column saying yes/no to it. */
    consents: z.record(purposeKeySchema, column).default({}),
    /** Per field, a cell value as written in the file → the value to import (country: an ISO code). */
    values: z.partialRecord(z.enum(valueMappedFields), z.record(cellValue, cellValue)).default({}),
  })
  .refine((m) => identifyingFields.some((f) => m.fields[f]), { path: ["fields"], error: "identifierRequired" });
export type ImportMapping = z.output<typeof importMappingSchema>;
export type ImportMappingInput = z.input<typeof importMappingSchema>;

/**
 * The Imports API's mapping: `{ "<column header>": "<field>" | "consent:<purposeKey>" | "ignore" }`.
 * Columns left out keep the guessed mapping.
 */
export const apiImportTargetSchema = z.union([z.enum(importFields), z.templateLiteral(["consent:", purposeKeySchema]), z.literal("ignore")]);
export const apiImportMappingSchema = z.record(column, apiImportTargetSchema);
export type ApiImportMapping = z.output<typeof apiImportMappingSchema>;

export const startImportSchema = z.object({
  fileId: z.string().min(1).max(64).refine(isStorableText, { error: "invalid" }),
  dryRun: z.boolean(),
  /** The connected system the export comes from, e.g. "crm": provenance, external ids, consent evidence. */
  system: z.string().trim().toLowerCase().regex(/^[a-z][a-z0-9_-]{1,40}$/, { error: "systemInvalid" }),
  mapping: importMappingSchema,
  /** False (the default): all or nothing, one refused row keeps nothing. True: the valid rows are kept. */
  keepValidRows: z.boolean().default(false),
});
export type StartImportInput = z.input<typeof startImportSchema>;

export const uploadNameSchema = z.string().trim().min(1).max(200).regex(/\.(csv|txt)$/i, { error: "notCsv" });

/** Consent answers a CRM export may hold, in Finnish, Swedish and English; blank says nothing. */
export const CONSENT_YES = ["yes", "y", "true", "1", "x", "kyllä", "k", "ja", "granted", "opt-in", "optin"];
export const CONSENT_NO = ["no", "n", "false", "0", "ei", "e", "nej", "withdrawn", "opt-out", "optout"];
