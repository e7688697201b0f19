// The mapping form's values become the import mapping the engine reads (per column targets, the
// country value map keeping only the choices that differ from what a value resolves to), and the
// browser-side check refuses a target taken twice or a mapping without an identifying column.
import { describe, expect, it } from "vitest";
import { errorPlace, mappingFormSchema, toImportMapping } from "@/app/admin/import/[fileId]/mapping-form-schema";
import { importMappingSchema } from "@/lib/import/schemas";

const columns = ["Sähköposti", "Maa", "Markkinointilupa", "Muistiinpano"];
const valueSets = { Maa: [{ value: "Suomi", resolved: "FI" }, { value: "Lappi", resolved: null }, { value: "Ruotsi", resolved: "SE" }] };

describe("the mapping form", () => {
  it("turns per-column choices into the import mapping with the changed country values only", () => {
    const values = { system: "crm", targets: ["email", "country", "consent:direct-mail", ""], countryCodes: [[], ["FI", "FI", "NO"], [], []], keepValidRows: true };
    expect(mappingFormSchema.safeParse(values).success).toBe(true);
    const mapping = toImportMapping(columns, values, valueSets);
    expect(mapping).toEqual({ fields: { email: "Sähköposti", country: "Maa" }, consents: { "direct-mail": "Markkinointilupa" }, values: { country: { Lappi: "FI", Ruotsi: "NO" } } });
    expect(importMappingSchema.safeParse(mapping).success).toBe(true);
  });

  it("refuses a target taken by two columns and a mapping with neither email nor customer number", () => {
    const twice = mappingFormSchema.safeParse({ system: "crm", targets: ["email", "email", "", ""], countryCodes: [], keepValidRows: false });
    expect(twice.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["targets.1", "targetTaken"]]);
    const none = mappingFormSchema.safeParse({ system: "", targets: ["phone", "", "", ""], countryCodes: [], keepValidRows: false });
    expect(none.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["system", "systemRequired"], ["root", "identifierRequired"]]);
  });

  it("puts the server's field errors on the column mapped to that target", () => {
    const targets = ["email", "country", "consent:direct-mail", ""];
    expect(errorPlace("consents.direct-mail", targets)).toEqual({ column: 2 });
    expect(errorPlace("mapping.fields.country", targets)).toEqual({ column: 1 });
    expect(errorPlace("email", targets)).toEqual({ column: 0 });
    expect(errorPlace("system", targets)).toBe("system");
    expect(errorPlace("mapping.fields", targets)).toBe("form");
  });
});
