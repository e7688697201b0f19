import { z } from "zod";
import { identifyingFields, type ImportMappingInput } from "@/lib/import/schemas";

/**
 * The mapping form's values: per column of the file its target ("" not imported, a field,
 * "consent:<key>"), per column the country chosen for each of its listed values, the source and
 * keepValidRows. Checked in the browser before the server checks the mapping again.
 */
export const mappingFormSchema = z
  .object({
    system: z.string().min(1, { error: "systemRequired" }),
    targets: z.array(z.string()),
    countryCodes: z.array(z.array(z.string())),
    keepValidRows: z.boolean(),
  })
  .superRefine((values, ctx) => {
    const seen = new Set<string>();
    values.targets.forEach((target, i) => {
      if (!target) return;
      if (seen.has(target)) ctx.addIssue({ code: "custom", path: ["targets", i], message: "targetTaken" });
      seen.add(target);
    });
    if (!identifyingFields.some((f) => seen.has(f))) ctx.addIssue({ code: "custom", path: ["root"], message: "identifierRequired" });
  });
export type MappingFormValues = z.infer<typeof mappingFormSchema>;

const CONSENT = "consent:";

/**
 * The form's values as an import mapping. The country value map keeps only the choices that differ
 * from what the value resolves to by itself, so the saved mapping stays small.
 */
export function toImportMapping(columns: string[], values: MappingFormValues, valueSets: Record<string, { value: string; resolved: string | null }[]>): ImportMappingInput {
  const fields: Record<string, string> = {};
  const consents: Record<string, string> = {};
  values.targets.forEach((target, i) => {
    const column = columns[i]!;
    if (target.startsWith(CONSENT)) consents[target.slice(CONSENT.length)] = column;
    else if (target) fields[target] = column;
  });
  const countryColumn = fields.country ? columns.indexOf(fields.country) : -1;
  const country: Record<string, string> = {};
  (valueSets[columns[countryColumn] ?? ""] ?? []).forEach(({ value, resolved }, i) => {
    const code = values.countryCodes[countryColumn]?.[i] ?? "";
    if (code && code !== resolved) country[value] = code;
  });
  return { fields, consents, values: Object.keys(country).length ? { country } : {} };
}

/** Where a server field error belongs: the column mapped to that target, the source, or the form. */
export function errorPlace(path: string, targets: string[]): { column: number } | "system" | "form" {
  if (path === "system") return "system";
  const target = path.replace(/^mapping\./, "").replace(/^fields\./, "").replace(/^consents\./, CONSENT);
  const column = targets.indexOf(target);
  return column >= 0 ? { column } : "form";
}
