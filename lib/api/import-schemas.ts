// The Imports API's form and answers: the route validates with them and the OpenAPI document is
// generated from them.
import { z } from "zod";
import { isStorableText } from "../db/is-storable-text";
import { apiImportMappingSchema, MAX_IMPORT_BYTES } from "../import/schemas";

/** The form body's limit: the file's own limit and room for the other parts. */
export const IMPORT_FORM_MAX_BYTES = MAX_IMPORT_BYTES + 64 * 1024;

const flag = (description: string) =>
  z.enum(["true", "false"], { error: "trueOrFalse" }).default("false").transform((v) => v === "true").describe(description);

/** The mapping part: JSON text, parsed and checked here so a bad one is a 400 naming the column. */
const mappingPart = z
  .string()
  .max(64 * 1024)
  .transform((text, ctx) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: "custom", message: "notJson" });
      return z.NEVER;
    }
    const parsed = apiImportMappingSchema.safeParse(value, { error: (issue) => (issue.path?.length ? "unknownTarget" : "notAnObject") });
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return parsed.success ? parsed.data : z.NEVER;
  })
  .optional()
  .meta({
    contentMediaType: "application/json",
    contentSchema: z.toJSONSchema(apiImportMappingSchema, { io: "input" }),
    description:
      'JSON object: column header → `email`, `phone`, `givenName`, `familyName`, `streetAddress`, `postalCode`, `city`, `country`, `preferredLanguage`, `birthDate`, `externalId`, `organisationName`, `businessId`, `organisationRole`, `createdAt`, `consent:<purposeKey>` or `ignore`. Columns left out keep the mapping guessed from their headers (English, Finnish and Swedish names).',
  });

export const importFormSchema = z
  .object({
    file: z
      .instanceof(File, { error: "fileRequired" })
      .refine((f) => isStorableText(f.name), { error: "nulCharacter" })
      .meta({ type: "string", contentMediaType: "text/csv", description: "The CSV as exported, named *.csv or *.txt: UTF-8 (with or without BOM), comma, semicolon or tab separated, header row first. At most 200 MB." }),
    mapping: mappingPart,
    source: z.string().trim().toLowerCase().min(1).max(40).optional().describe("The connected system the export comes from (its key): provenance, external ids, consent evidence. Defaults to the calling system."),
    dryRun: flag("`true`: check and count only, nothing is written. The counts equal the real run's on the same data."),
    keepValidRows: flag("`false` (default): all or nothing, one refused row keeps nothing and the import ends `failed`. `true`: the valid rows are kept."),
  })
  .strict();

export const importCreatedSchema = z.object({ id: z.string() });

const counts = {
  rows: z.number().int().describe("Data rows read (the header not counted)."),
  created: z.number().int().describe("Persons created."),
  matched: z.number().int().describe("Rows matched to an existing person (by email, or by the source's external id)."),
  refused: z.number().int().describe("Rows refused; see /refused."),
  suppressed: z.number().int().describe("Rows of erased persons, not imported."),
  organisations: z.object({ created: z.number().int(), matched: z.number().int() }),
  memberships: z.number().int().describe("Memberships (person's role in an organisation) created."),
  consents: z.object({ granted: z.number().int(), withdrawn: z.number().int() }),
  duplicateCandidates: z.number().int().describe("Persons created beside a weak match (phone, name and address) for a human to merge."),
};

export const importStatusSchema = z.object({
  id: z.string(),
  status: z.enum(["queued", "running", "completed", "failed"]).describe("`failed`: a refused row in an all-or-nothing import, a malformed file, or cancelled in the back-office (see `failure`)."),
  dryRun: z.boolean(),
  keepValidRows: z.boolean(),
  committed: z.boolean().describe("Whether the rows were written: false for a dry run and for an all-or-nothing import that refused a row or failed."),
  source: z.string(),
  mapping: z.record(z.string(), z.string()).describe("Every column of the file → the field, `consent:<purposeKey>` or `ignore` it was imported as."),
  ...counts,
  failure: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const refusedRowsSchema = z
  .string()
  .describe("CSV (RFC 4180, CRLF, UTF-8 without BOM): header `line,column,reason`, then one line per problem: the file's line number (header = 1), the column's header (empty for the whole row), the reason as an English sentence.");
