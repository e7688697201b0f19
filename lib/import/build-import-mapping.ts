import { AppError } from "../errors";
import { guessMapping } from "./guess-mapping";
import { identifyingFields, importMappingSchema, type ApiImportMapping, type ImportField, type ImportMapping } from "./schemas";

const CONSENT_PREFIX = "consent:";

/**
 * The import mapping for a file from the Imports API's `{ "<header>": "<field>" | "consent:<key>" |
 * "ignore" }`: every column the caller names is what the caller says (or nothing, for "ignore");
 * the other columns keep their guess (`guessed`: header names for fields, and the consent columns
 * the caller's guesser found). Pure. Problems are thrown as one VALIDATION error whose `fields` are
 * keyed `mapping.<header>` (or `mapping` when no identifying column is mapped).
 */
export function buildImportMapping({ columns, requested = {}, guessedConsents = {} }: { columns: string[]; requested?: ApiImportMapping; guessedConsents?: Record<string, string> }): ImportMapping {
  const problems: Record<string, string> = {};
  const named = new Set(Object.keys(requested));
  // A column the caller named loses its guess, and a target the caller gave a column loses the guessed one.
  const fields = Object.fromEntries(Object.entries(guessMapping(columns)).filter(([, column]) => !named.has(column))) as Partial<Record<ImportField, string>>;
  const consents = Object.fromEntries(Object.entries(guessedConsents).filter(([, column]) => columns.includes(column) && !named.has(column)));
  const claimed = new Set<string>();
  for (const [header, target] of Object.entries(requested)) {
    if (!columns.includes(header)) {
      problems[`mapping.${header}`] = "columnMissing";
      continue;
    }
    if (target === "ignore") continue;
    if (claimed.has(target)) {
      problems[`mapping.${header}`] = "duplicateTarget";
      continue;
    }
    claimed.add(target);
    if (target.startsWith(CONSENT_PREFIX)) consents[target.slice(CONSENT_PREFIX.length)] = header;
    else fields[target as ImportField] = header;
  }
  if (!identifyingFields.some((field) => fields[field])) problems.mapping = "identifierRequired";
  if (Object.keys(problems).length) throw new AppError("VALIDATION", describe(problems), { userMessage: "invalidImport", fields: problems });
  return importMappingSchema.parse({ fields, consents, values: {} });
}

const explanations: Record<string, string> = {
  columnMissing: "is not a column of the file",
  duplicateTarget: "maps to a target another column already has",
  identifierRequired: "maps no column to email or externalId",
};

/** The problem's detail in English, naming the columns (header names are not personal data). */
function describe(problems: Record<string, string>): string {
  return Object.entries(problems)
    .map(([path, code]) => `${path === "mapping" ? "The mapping" : `Column "${path.slice("mapping.".length)}"`} ${explanations[code] ?? code}.`)
    .join(" ");
}
