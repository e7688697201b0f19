// The Imports API's mapping over the guess: what the caller names wins, the rest keeps its guess.
import { describe, expect, it } from "vitest";
import { buildImportMapping } from "@/lib/import/build-import-mapping";

const columns = ["Email", "Work Email", "First Name", "Newsletter", "Notes"];
const problemsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { options: { fields: Record<string, string> } }).options.fields;
  }
  throw new Error("not refused");
};

describe("buildImportMapping", () => {
  it("keeps the guess for columns left out", () => {
    expect(buildImportMapping({ columns, guessedConsents: { newsletter: "Newsletter" } })).toEqual({
      fields: { email: "Email", givenName: "First Name" }, consents: { newsletter: "Newsletter" }, values: {},
    });
  });

  it("gives a target the caller's column instead of the guessed one, and drops a named column's guess", () => {
    const mapping = buildImportMapping({
      columns, requested: { "Work Email": "email", "First Name": "ignore", Notes: "consent:newsletter" }, guessedConsents: { newsletter: "Newsletter" },
    });
    expect(mapping).toEqual({ fields: { email: "Work Email" }, consents: { newsletter: "Notes" }, values: {} });
  });

  it("names every problem by column: not in the file, a target taken twice, no identifier", () => {
    expect(problemsOf(() => buildImportMapping({ columns, requested: { Sähköposti: "email", Email: "phone", "Work Email": "phone" } }))).toEqual({
      "mapping.Sähköposti": "columnMissing", "mapping.Work Email": "duplicateTarget", mapping: "identifierRequired",
    });
  });
});
