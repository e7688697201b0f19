import { describe, expect, it } from "vitest";
import { detectCsvHeader } from "@/lib/import/detect-csv-header";
import { generateUuid7 } from "@/lib/db/generate-uuid7";
import { guessMapping } from "@/lib/import/guess-mapping";
import { importMappingSchema } from "@/lib/import/schemas";
import { validateImportRow } from "@/lib/import/validate-import-row";

const columns = ["Asiakasnumero", "Etunimi", "Sähköposti", "Puhelin", "Postinumero", "Maa", "Syntymäaika", "Uutiskirje"];
const index = new Map(columns.map((c, i) => [c, i]));
const mapping = importMappingSchema.parse({
  fields: { externalId: "Asiakasnumero", givenName: "Etunimi", email: "Sähköposti", phone: "Puhelin", postalCode: "Postinumero", country: "Maa", birthDate: "Syntymäaika" },
  consents: { newsletter: "Uutiskirje" },
});
const row = (cells: string[]) => validateImportRow(cells, 7, index, mapping, columns.length);

describe("detectCsvHeader", () => {
  it("finds the delimiter and the column names, past a byte order mark", () => {
    expect(detectCsvHeader(Buffer.from("\uFEFFa;b;\"c;d\"\r\n1;2;3\r\n"))).toEqual({ delimiter: ";", columns: ["a", "b", "c;d"] });
    expect(detectCsvHeader(Buffer.from("a,b\n"))).toEqual({ delimiter: ",", columns: ["a", "b"] });
    expect(detectCsvHeader(Buffer.from("a\tb\n"))).toEqual({ delimiter: "\t", columns: ["a", "b"] });
  });

  it("refuses a header with blank or repeated names, an empty file and binary data", () => {
    expect(detectCsvHeader(Buffer.from("a,,b\n"))).toBeNull();
    expect(detectCsvHeader(Buffer.from("a,a\n"))).toBeNull();
    expect(detectCsvHeader(Buffer.from(""))).toBeNull();
    expect(detectCsvHeader(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBeNull();
  });
});

describe("validateImportRow", () => {
  it("normalises a good row and leaves blank cells out", () => {
    expect(row(["C-1", " Aino ", "Aino@Example.FI", "040 123 4567", "00100", "fi", "31.12.1980", "Kyllä"])).toEqual({
      row: 7, email: "aino@example.fi", phone: "+358401234567", externalId: "C-1",
      profile: { givenName: "Aino", postalCode: "00100", country: "FI", birthDate: "1980-12-31" },
      consents: { newsletter: true },
    });
    expect(row(["C-2", "", "", "", "", "", "", ""])).toMatchObject({ email: null, phone: null, externalId: "C-2", profile: {}, consents: {} });
  });

  it("reports every problem of a bad row with its column", () => {
    expect(row(["", "", "no-email", "123", "ABC", "FI", "", "maybe"])).toEqual([
      { row: 7, column: "Sähköposti", reason: "emailInvalid" },
      { row: 7, column: "Puhelin", reason: "phoneInvalid" },
      { row: 7, column: "Uutiskirje", reason: "consentValueInvalid" },
    ]);
    // Checks across fields run once each field is right on its own (as in the portal's form).
    expect(row(["C-1", "", "", "", "ABC", "FI", "", ""])).toEqual([{ row: 7, column: "Postinumero", reason: "postalCodeFi" }]);
    expect(row(["", "Aino", "", "", "", "", "", ""])).toEqual([{ row: 7, column: null, reason: "noIdentifier" }]);
    expect(row(["C-1", "Aino"])).toEqual([{ row: 7, column: null, reason: "columnCount" }]);
  });

  it("needs a mapping that identifies rows", () => {
    expect(importMappingSchema.safeParse({ fields: { givenName: "Etunimi" } }).success).toBe(false);
  });
});

describe("guessMapping", () => {
  it("recognises Finnish, Swedish and English column names", () => {
    expect(guessMapping(["Sähköposti", "Förnamn", "Last name", "Postinumero", "Kundnummer", "Something"])).toEqual({
      email: "Sähköposti", givenName: "Förnamn", familyName: "Last name", postalCode: "Postinumero", externalId: "Kundnummer",
    });
  });
});

describe("generateUuid7", () => {
  it("makes version 7 ids that sort in the order they were made, also within one millisecond", () => {
    const ids = Array.from({ length: 2000 }, () => generateUuid7(1_800_000_000_000));
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
