import { describe, expect, it } from "vitest";
import { generateUuid7 } from "@/lib/db/generate-uuid7";
import { detectCsvHeader } from "@/lib/import/detect-csv-header";
import { guessConsentColumns, guessMapping } from "@/lib/import/guess-mapping";
import { normalisePostalCode } from "@/lib/import/normalise-postal-code";
import { parseImportDate } from "@/lib/import/parse-import-date";
import { resolveCountry } from "@/lib/import/resolve-country";

describe("resolveCountry", () => {
  it("takes ISO alpha-2 and alpha-3 codes in any case and names in Finnish, Swedish and English", () => {
    const cases: [string, string][] = [
      ["FI", "FI"], ["fi", "FI"], ["FIN", "FI"], ["swe", "SE"], ["Finland", "FI"], ["Suomi", "FI"], ["SUOMI", "FI"], ["Ruotsi", "SE"], ["Sverige", "SE"],
      ["Sweden", "SE"], ["Norja", "NO"], ["Tyskland", "DE"], ["United Kingdom", "GB"], ["Storbritannien", "GB"], ["Yhdysvallat", "US"],
    ];
    for (const [value, code] of cases) expect([value, resolveCountry(value)]).toEqual([value, code]);
  });

  it("applies the mapping's value map first, and knows nothing else", () => {
    expect(resolveCountry("Suomen tasavalta", { "Suomen tasavalta": "FI" })).toBe("FI");
    expect(resolveCountry("Norge", { Norge: "no" })).toBe("NO");
    expect(resolveCountry("Finland", { Finland: "SE" })).toBe("SE");
    expect(resolveCountry("Atlantis")).toBeNull();
    expect(resolveCountry("ZZ")).toBeNull();
    expect(resolveCountry("")).toBeNull();
  });
});

describe("parseImportDate", () => {
  it("reads d.m.yyyy, dd.mm.yyyy and yyyy-mm-dd, and refuses days that do not exist", () => {
    expect(parseImportDate("3.4.1985")).toMatchObject({ ok: true, date: "1985-04-03" });
    expect(parseImportDate("03.04.1985")).toMatchObject({ ok: true, date: "1985-04-03" });
    expect(parseImportDate("1985-04-03")).toMatchObject({ ok: true, date: "1985-04-03" });
    expect(parseImportDate("29.02.2024")).toMatchObject({ ok: true, date: "2024-02-29" });
    expect(parseImportDate("31.02.2024")).toEqual({ ok: false, reason: "dateNotReal" });
    expect(parseImportDate("29.02.2023")).toEqual({ ok: false, reason: "dateNotReal" });
    expect(parseImportDate("2024-13-01")).toEqual({ ok: false, reason: "dateNotReal" });
    expect(parseImportDate("1985-04-03 10:00")).toEqual({ ok: false, reason: "dateInvalid" });
  });

  it("with times: ISO 8601 with a zone, and Finnish wall-clock time without one", () => {
    expect(parseImportDate("2021-06-01T09:30:00.000Z", { time: true })).toMatchObject({ ok: true, at: new Date("2021-06-01T09:30:00Z") });
    expect(parseImportDate("2021-06-01T09:30:00+03:00", { time: true })).toMatchObject({ ok: true, at: new Date("2021-06-01T06:30:00Z") });
    expect(parseImportDate("2024-03-15 10:22", { time: true })).toMatchObject({ ok: true, at: new Date("2024-03-15T08:22:00Z") });
    expect(parseImportDate("2024-07-15 10:22:05", { time: true })).toMatchObject({ ok: true, at: new Date("2024-07-15T07:22:05Z") });
    expect(parseImportDate("1.2.2020 08:15", { time: true })).toMatchObject({ ok: true, at: new Date("2020-02-01T06:15:00Z") });
    expect(parseImportDate("31.2.2020 08:15", { time: true })).toEqual({ ok: false, reason: "dateNotReal" });
    expect(parseImportDate("yesterday", { time: true })).toEqual({ ok: false, reason: "dateInvalid" });
  });
});

describe("normalisePostalCode", () => {
  it("checks Finnish and Swedish codes exactly and others within bounds", () => {
    expect(normalisePostalCode("00100", "FI")).toEqual({ ok: true, value: "00100" });
    expect(normalisePostalCode("0010", "FI")).toEqual({ ok: false, reason: "postalCodeFi" });
    expect(normalisePostalCode("114 55", "SE")).toEqual({ ok: true, value: "114 55" });
    expect(normalisePostalCode("11455", "SE")).toEqual({ ok: true, value: "114 55" });
    expect(normalisePostalCode("1145", "SE")).toEqual({ ok: false, reason: "postalCodeSe" });
    expect(normalisePostalCode("SW1A 1AA", "GB")).toEqual({ ok: true, value: "SW1A 1AA" });
    expect(normalisePostalCode("12345678901", "DE")).toEqual({ ok: false, reason: "postalCodeInvalid" });
    expect(normalisePostalCode("00100", null)).toEqual({ ok: true, value: "00100" });
  });
});

describe("detectCsvHeader", () => {
  it("finds the delimiter and the column names, past a byte order mark, in either encoding", () => {
    expect(detectCsvHeader(Buffer.from("\uFEFFa;b;\"c;d\"\r\n1;2;3\r\n"))).toEqual({ delimiter: ";", columns: ["a", "b", "c;d"] });
    expect(detectCsvHeader(Buffer.from("a,b\n"))).toEqual({ delimiter: ",", columns: ["a", "b"] });
    expect(detectCsvHeader(Buffer.from("a\tb\n"))).toEqual({ delimiter: "\t", columns: ["a", "b"] });
    expect(detectCsvHeader(Buffer.from([0x53, 0xe4, 0x68, 0x6b, 0xf6, 0x3b, 0x4d, 0x61, 0x61, 0x0d, 0x0a]), "windows-1252")).toEqual({ delimiter: ";", columns: ["Sähkö", "Maa"] });
  });

  it("refuses a header with blank or repeated names, an empty file and binary data", () => {
    expect(detectCsvHeader(Buffer.from("a,,b\n"))).toBeNull();
    expect(detectCsvHeader(Buffer.from("a,a\n"))).toBeNull();
    expect(detectCsvHeader(Buffer.from(""))).toBeNull();
    expect(detectCsvHeader(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBeNull();
  });
});

describe("guessMapping", () => {
  it("recognises a HubSpot export", () => {
    const columns = ["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Mobile Phone Number", "Street Address", "Postal Code", "City", "Country/Region", "Company Name", "Job Title", "Create Date", "Lifecycle Stage"];
    expect(guessMapping(columns)).toEqual({
      externalId: "Record ID", givenName: "First Name", familyName: "Last Name", email: "Email", phone: "Phone Number", streetAddress: "Street Address",
      postalCode: "Postal Code", city: "City", country: "Country/Region", organisationName: "Company Name", organisationRole: "Job Title", createdAt: "Create Date",
    });
  });

  it("recognises a Salesforce export", () => {
    const columns = ["Contact ID", "FirstName", "LastName", "Email", "Phone", "MailingStreet", "MailingPostalCode", "MailingCity", "MailingCountry", "Birthdate", "Account Name", "Title", "CreatedDate", "HasOptedOutOfEmail"];
    expect(guessMapping(columns)).toEqual({
      externalId: "Contact ID", givenName: "FirstName", familyName: "LastName", email: "Email", phone: "Phone", streetAddress: "MailingStreet", postalCode: "MailingPostalCode",
      city: "MailingCity", country: "MailingCountry", birthDate: "Birthdate", organisationName: "Account Name", organisationRole: "Title", createdAt: "CreatedDate",
    });
  });

  it("recognises Finnish and Swedish Excel headers", () => {
    expect(guessMapping(["Sähköposti", "Etunimi", "Sukunimi", "Maa", "Y-tunnus", "Yritys", "Rooli", "Luotu", "Syntymäaika", "Muuta"])).toEqual({
      email: "Sähköposti", givenName: "Etunimi", familyName: "Sukunimi", country: "Maa", businessId: "Y-tunnus", organisationName: "Yritys", organisationRole: "Rooli", createdAt: "Luotu", birthDate: "Syntymäaika",
    });
    expect(guessMapping(["E-post", "Förnamn", "Efternamn", "Postnummer", "Land", "Kundnummer", "Företag", "Titel", "Skapad"])).toEqual({
      email: "E-post", givenName: "Förnamn", familyName: "Efternamn", postalCode: "Postnummer", country: "Land", externalId: "Kundnummer", organisationName: "Företag", organisationRole: "Titel", createdAt: "Skapad",
    });
  });
});

describe("guessConsentColumns", () => {
  it("matches a header to a purpose's key or one of its localised titles", () => {
    const purposes = [
      { key: "newsletter", titles: ["Uutiskirje", "Nyhetsbrev", "Newsletter"] },
      { key: "sms-offers", titles: ["Tekstiviestitarjoukset", "SMS-erbjudanden", "SMS offers"] },
      { key: "profiling", titles: ["Profilointi", "Profilering", "Profiling"] },
    ];
    expect(guessConsentColumns(["Sähköposti", "uutiskirje", "SMS offers", "sms_offers"], purposes)).toEqual({ newsletter: "uutiskirje", "sms-offers": "SMS offers" });
    expect(guessConsentColumns(["Email", "Newsletter"], purposes)).toEqual({ newsletter: "Newsletter" });
    expect(guessConsentColumns(["Email"], purposes)).toEqual({});
  });
});

describe("generateUuid7", () => {
  it("makes version 7 ids that sort in the order they were made, also within one millisecond (the import's bulk ids)", () => {
    const ids = Array.from({ length: 2000 }, () => generateUuid7(1_800_000_000_000));
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
