import { describe, expect, it } from "vitest";
import { importMappingSchema } from "@/lib/import/schemas";
import { validateImportRow } from "@/lib/import/validate-import-row";

const columns = ["Asiakasnumero", "Etunimi", "Sähköposti", "Puhelin", "Postinumero", "Maa", "Kieli", "Syntymäaika", "Yritys", "Y-tunnus", "Rooli", "Luotu", "Uutiskirje"];
const index = new Map(columns.map((c, i) => [c, i]));
const mapping = importMappingSchema.parse({
  fields: {
    externalId: "Asiakasnumero", givenName: "Etunimi", email: "Sähköposti", phone: "Puhelin", postalCode: "Postinumero", country: "Maa", preferredLanguage: "Kieli",
    birthDate: "Syntymäaika", organisationName: "Yritys", businessId: "Y-tunnus", organisationRole: "Rooli", createdAt: "Luotu",
  },
  consents: { newsletter: "Uutiskirje" },
  values: { country: { "Suomen tasavalta": "FI" } },
});
const today = new Date("2026-11-30T12:00:00Z");
type Cells = Partial<Record<(typeof columns)[number], string>>;
const row = (cells: Cells) => validateImportRow(columns.map((c) => cells[c] ?? ""), 7, index, mapping, columns.length, today);
const reasons = (cells: Cells) => {
  const checked = row(cells);
  return Array.isArray(checked) ? checked.map((p) => [p.column, p.reason]) : [];
};

describe("validateImportRow", () => {
  it("normalises a good row: trimmed lower-case email, E.164 phone for the row's country, ISO dates, names of countries and languages", () => {
    expect(row({
      Asiakasnumero: "C-1", Etunimi: " Aino ", Sähköposti: "  Aino@Example.FI ", Puhelin: "040 123 4567", Postinumero: "00100", Maa: "Suomi", Kieli: "suomi",
      Syntymäaika: "31.12.1980", Yritys: "Acme Oy", "Y-tunnus": "2345678-0", Rooli: "CTO", Luotu: "1.2.2020 08:15", Uutiskirje: "Kyllä",
    })).toEqual({
      row: 7, email: "aino@example.fi", phone: "+358401234567", externalId: "C-1",
      profile: { givenName: "Aino", postalCode: "00100", country: "FI", preferredLanguage: "fi", birthDate: "1980-12-31" },
      organisation: { businessId: "2345678-0", name: "Acme Oy", role: "CTO" },
      createdAt: new Date("2020-02-01T06:15:00Z"),
      consents: { newsletter: true },
    });
    // A Swedish number without its country code, for a row in Sweden; the Swedish postal code normalised.
    expect(row({ Sähköposti: "a@b.se", Puhelin: "070 123 45 67", Maa: "Ruotsi", Postinumero: "11455", Kieli: "svenska" })).toMatchObject({
      phone: "+46701234567", profile: { country: "SE", postalCode: "114 55", preferredLanguage: "sv" },
    });
    expect(row({ Sähköposti: "a@b.fi", Maa: "Suomen tasavalta", Syntymäaika: "1980-01-02" })).toMatchObject({ profile: { country: "FI", birthDate: "1980-01-02" } });
  });

  it("reads consent answers in Finnish, Swedish and English; blank says nothing", () => {
    for (const [cell, answer] of [["kyllä", true], ["JA", true], ["yes", true], ["TRUE", true], ["1", true], ["x", true], ["ei", false], ["nej", false], ["No", false], ["false", false], ["0", false]] as const) {
      expect(row({ Sähköposti: "a@b.fi", Uutiskirje: cell })).toMatchObject({ consents: { newsletter: answer } });
    }
    expect(row({ Sähköposti: "a@b.fi", Uutiskirje: " " })).toMatchObject({ consents: {} });
    expect(reasons({ Sähköposti: "a@b.fi", Uutiskirje: "ehkä" })).toEqual([["Uutiskirje", "consentValueInvalid"]]);
  });

  it("refuses what does not exist: 31.02., a Finnish postal code of four digits, a wrong check digit, an unknown country", () => {
    expect(reasons({ Sähköposti: "a@b.fi", Syntymäaika: "31.02.2024" })).toEqual([["Syntymäaika", "dateNotReal"]]);
    expect(reasons({ Sähköposti: "a@b.fi", Syntymäaika: "1980-02-30" })).toEqual([["Syntymäaika", "dateNotReal"]]);
    expect(reasons({ Sähköposti: "a@b.fi", Syntymäaika: "12/31/1980" })).toEqual([["Syntymäaika", "dateInvalid"]]);
    expect(reasons({ Sähköposti: "a@b.fi", Syntymäaika: "1.1.2027" })).toEqual([["Syntymäaika", "birthDateFuture"]]);
    expect(reasons({ Sähköposti: "a@b.fi", Luotu: "2024-02-31 10:00" })).toEqual([["Luotu", "dateNotReal"]]);
    expect(reasons({ Sähköposti: "a@b.fi", Luotu: "2024-02-01 25:00" })).toEqual([["Luotu", "dateNotReal"]]);
    expect(reasons({ Sähköposti: "a@b.fi", Maa: "FI", Postinumero: "0010" })).toEqual([["Postinumero", "postalCodeFi"]]);
    expect(reasons({ Sähköposti: "a@b.fi", Maa: "SE", Postinumero: "1234" })).toEqual([["Postinumero", "postalCodeSe"]]);
    expect(reasons({ Sähköposti: "a@b.fi", Maa: "Atlantis" })).toEqual([["Maa", "countryInvalid"]]);
    expect(reasons({ Sähköposti: "a@b.fi", "Y-tunnus": "1234567-2", Yritys: "Firma Oy" })).toEqual([["Y-tunnus", "businessIdInvalid"]]);
    expect(reasons({ Sähköposti: "a@b.fi", Kieli: "deutsch" })).toEqual([["Kieli", "languageInvalid"]]);
    expect(reasons({ Sähköposti: "a@b.fi", Puhelin: "123" })).toEqual([["Puhelin", "phoneInvalid"]]);
  });

  it("refuses an organisation or a role without a business ID, and a row with no email nor external id", () => {
    expect(reasons({ Sähköposti: "a@b.fi", Yritys: "Acme Oy" })).toEqual([["Y-tunnus", "businessIdMissing"]]);
    expect(reasons({ Sähköposti: "a@b.fi", Rooli: "CTO" })).toEqual([["Y-tunnus", "businessIdMissing"]]);
    expect(reasons({ Etunimi: "Aino" })).toEqual([["Sähköposti", "emailMissing"]]);
    expect(reasons({ Sähköposti: "not-an-email" })).toEqual([["Sähköposti", "emailInvalid"]]);
    // Without an email a row may still update a person known by its external id: matching decides.
    expect(row({ Asiakasnumero: "C-2" })).toMatchObject({ email: null, externalId: "C-2" });
    expect(validateImportRow(["C-1"], 7, index, mapping, columns.length, today)).toEqual([{ row: 7, column: null, reason: "columnCount" }]);
  });

  it("reports every problem of a bad row with its column", () => {
    expect(reasons({ Sähköposti: "no-email", Puhelin: "123", Maa: "FI", Postinumero: "ABC", Uutiskirje: "maybe" })).toEqual([
      ["Sähköposti", "emailInvalid"], ["Puhelin", "phoneInvalid"], ["Postinumero", "postalCodeFi"], ["Uutiskirje", "consentValueInvalid"],
    ]);
  });

  it("needs a mapping that identifies rows", () => {
    expect(importMappingSchema.safeParse({ fields: { givenName: "Etunimi" } }).success).toBe(false);
  });
});
