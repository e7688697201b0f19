// Real calendar dates for birth dates, their messages in every language, and the externalIds shape.
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import fi from "@/lib/i18n/messages/fi.json";
import sv from "@/lib/i18n/messages/sv.json";
import { groupExternalIds } from "@/lib/persons/group-external-ids";
import { profileCorrectionSchema } from "@/lib/persons/schemas";
import { isCalendarDate } from "@/lib/validation/parse-calendar-date";

describe("isCalendarDate", () => {
  it.each(["1980-02-29", "2000-02-29", "1985-04-23", "1999-12-31", "2024-01-31"])("%s exists", (day) => {
    expect(isCalendarDate(day)).toBe(true);
  });
  it.each(["1980-02-31", "1900-02-29", "2023-02-29", "2024-04-31", "1980-13-01", "1980-00-10", "1980-01-00", "1980-1-1", "31.12.1980", "", "1980-02-29T00:00"])(
    "%j does not",
    (day) => {
      expect(isCalendarDate(day)).toBe(false);
    },
  );
});

describe("the profile form's birth-date messages", () => {
  const full = { givenName: "", familyName: "", phone: "", streetAddress: "", postalCode: "", city: "", country: "", preferredLanguage: "fi" as const };
  const messageFor = (birthDate: string) => {
    const parsed = profileCorrectionSchema.safeParse({ ...full, birthDate });
    return parsed.success ? null : parsed.error.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`);
  };

  it("names one problem per bad date, on the birthDate field", () => {
    expect(messageFor("1980-02-31")).toEqual(["birthDate:dateNotReal"]);
    expect(messageFor("9999-12-31")).toEqual(["birthDate:birthDateFuture"]);
    expect(messageFor("31.12.80")).toEqual(["birthDate:dateInvalid"]);
    expect(messageFor("31.2.1980")).toEqual(["birthDate:dateNotReal"]);
    expect(messageFor("1980-02-29")).toBeNull();
    expect(messageFor("29.2.1980")).toBeNull();
  });

  it("refuses only a day that has not begun anywhere on Earth yet as in the future", () => {
    const day = (offsetHours: number) => new Date(Date.now() + offsetHours * 3600_000).toISOString().slice(0, 10);
    expect(messageFor(day(14))).toBeNull();
    expect(messageFor(day(24 + 14 + 1))).toEqual(["birthDate:birthDateFuture"]);
  });

  it("has each message in Finnish, Swedish and English, for the form and the import report", () => {
    for (const messages of [fi, sv, en]) {
      for (const key of ["dateInvalid", "dateNotReal", "birthDateFuture", "birthDateImplausible"]) {
        expect((messages.profileForm.errors as Record<string, string>)[key]).toEqual(expect.any(String));
        expect((messages.importer.reasons as Record<string, string>)[key]).toEqual(expect.any(String));
      }
    }
  });
});

describe("groupExternalIds", () => {
  it("lists every id of a system, systems and ids sorted, whatever the order linked", () => {
    const rows = [
      { system: "webshop", externalId: "WS-7" },
      { system: "crm", externalId: "200011" },
      { system: "crm", externalId: "100005" },
      { system: "Crm", externalId: "9" },
    ];
    expect(JSON.stringify(groupExternalIds(rows))).toBe(JSON.stringify({ Crm: ["9"], crm: ["100005", "200011"], webshop: ["WS-7"] }));
    expect(groupExternalIds([...rows].reverse())).toEqual(groupExternalIds(rows));
    expect(groupExternalIds([])).toEqual({});
  });
});
