import { describe, expect, it } from "vitest";
import { isoPartialProfileCorrectionSchema, partialProfileCorrectionSchema, profileCorrectionSchema } from "@/lib/persons/schemas";
import { checkPostalCode } from "@/lib/validation/check-postal-code";
import { parseCalendarDate } from "@/lib/validation/parse-calendar-date";
import { fieldErrorsOf } from "@/lib/validation/parse-or-throw";

describe("parseCalendarDate", () => {
  it("reads Finnish, Swedish, British and ISO dates as the same day", () => {
    for (const typed of ["31.12.1985", " 31.12.1985 ", "31/12/1985", "1985-12-31"]) expect([typed, parseCalendarDate(typed)]).toEqual([typed, { ok: true, date: "1985-12-31" }]);
    expect(parseCalendarDate("3.2.1985")).toEqual({ ok: true, date: "1985-02-03" });
    expect(parseCalendarDate("03/02/1985")).toEqual({ ok: true, date: "1985-02-03" });
  });

  it("tells a day that does not exist from something that is not a date", () => {
    expect(parseCalendarDate("31.2.1985")).toEqual({ ok: false, reason: "dateNotReal" });
    expect(parseCalendarDate("29/02/1985")).toEqual({ ok: false, reason: "dateNotReal" });
    expect(parseCalendarDate("1985-13-01")).toEqual({ ok: false, reason: "dateNotReal" });
    for (const typed of ["31.12.85", "12/31", "1985/12/31", "31-12-1985", "31.12/1985", "yesterday", ""]) expect([typed, parseCalendarDate(typed)]).toEqual([typed, { ok: false, reason: "dateInvalid" }]);
  });

  it("leaves slashed dates out when asked (an export's may be US month-first)", () => {
    expect(parseCalendarDate("12/31/1985", { slashes: false })).toEqual({ ok: false, reason: "dateInvalid" });
    expect(parseCalendarDate("31.12.1985", { slashes: false })).toEqual({ ok: true, date: "1985-12-31" });
  });
});

describe("checkPostalCode", () => {
  it("checks Finland, Sweden and the common countries by their formats", () => {
    expect(checkPostalCode("00100", "FI")).toEqual({ ok: true, value: "00100" });
    expect(checkPostalCode("0010", "FI")).toEqual({ ok: false, reason: "postalCodeFi" });
    expect(checkPostalCode("ABC12", "FI")).toEqual({ ok: false, reason: "postalCodeFi" });
    expect(checkPostalCode("114 55", "SE")).toEqual({ ok: true, value: "114 55" });
    expect(checkPostalCode("11455", "SE")).toEqual({ ok: true, value: "114 55" });
    expect(checkPostalCode("1145", "SE")).toEqual({ ok: false, reason: "postalCodeSe" });
    expect(checkPostalCode("0150", "NO")).toEqual({ ok: true, value: "0150" });
    expect(checkPostalCode("10115", "DE")).toEqual({ ok: true, value: "10115" });
    expect(checkPostalCode("1011", "DE")).toEqual({ ok: false, reason: "postalCodeCountry" });
    expect(checkPostalCode("sw1a 1aa", "GB")).toEqual({ ok: true, value: "SW1A 1AA" });
    expect(checkPostalCode("22100", "AX")).toEqual({ ok: true, value: "22100" });
  });

  it("takes any plausible code for a country without a known format", () => {
    expect(checkPostalCode("AB-1234", "BR")).toEqual({ ok: true, value: "AB-1234" });
    expect(checkPostalCode("#1", "BR")).toEqual({ ok: false, reason: "postalCodeInvalid" });
  });

  it("assumes Finland when no country is known, and refuses what is not Finnish-shaped", () => {
    expect(checkPostalCode("00100", null)).toEqual({ ok: true, value: "00100" });
    expect(checkPostalCode("ABC12", null)).toEqual({ ok: false, reason: "postalCodeNoCountry" });
    expect(checkPostalCode("114 55", null)).toEqual({ ok: false, reason: "postalCodeNoCountry" });
    expect(checkPostalCode("114 55", null, { unknownCountry: "any" })).toEqual({ ok: true, value: "114 55" });
  });
});

const form = { givenName: "", familyName: "", phone: "", streetAddress: "", postalCode: "", city: "", country: "", preferredLanguage: "fi" as const, birthDate: "" };

describe("the profile schema", () => {
  it("stores a birth date typed in any of the portal's languages as YYYY-MM-DD", () => {
    for (const birthDate of ["31.12.1985", "31/12/1985", "1985-12-31"]) expect(profileCorrectionSchema.parse({ ...form, birthDate }).birthDate).toBe("1985-12-31");
  });

  it("refuses an impossible or future birth date with its message key, 422 for the API", () => {
    const errors = (birthDate: string) => {
      const parsed = profileCorrectionSchema.safeParse({ ...form, birthDate });
      if (parsed.success) throw new Error(`${birthDate} was accepted`);
      return { fields: fieldErrorsOf(parsed.error), status: parsed.error.issues[0]?.code === "custom" ? parsed.error.issues[0].params?.status : undefined };
    };
    expect(errors("31.2.1985")).toEqual({ fields: { birthDate: "dateNotReal" }, status: 422 });
    expect(errors("1.1.2999")).toEqual({ fields: { birthDate: "birthDateFuture" }, status: 422 });
    expect(errors("12/31/1985").fields).toEqual({ birthDate: "dateNotReal" });
    expect(errors("the 31st").fields).toEqual({ birthDate: "dateInvalid" });
  });

  it("refuses ABC12 without a country, and checks the code for the country chosen", () => {
    const fields = (values: Partial<typeof form>) => {
      const parsed = profileCorrectionSchema.safeParse({ ...form, ...values });
      return parsed.success ? {} : fieldErrorsOf(parsed.error);
    };
    expect(fields({ postalCode: "ABC12" })).toEqual({ postalCode: "postalCodeNoCountry" });
    expect(fields({ postalCode: "00100" })).toEqual({});
    expect(fields({ postalCode: "114 55", country: "SE" })).toEqual({});
    expect(fields({ postalCode: "114 55", country: "FI" })).toEqual({ postalCode: "postalCodeFi" });
    expect(fields({ postalCode: "1145", country: "se" })).toEqual({ postalCode: "postalCodeSe" });
  });

  it("takes only ISO birth dates from the integration API (a system's 01/02/1985 may be US month-first)", () => {
    expect(isoPartialProfileCorrectionSchema.parse({ birthDate: "1985-12-31" }).birthDate).toBe("1985-12-31");
    for (const birthDate of ["31.12.1985", "01/02/1985"]) expect(fieldErrorsOf(isoPartialProfileCorrectionSchema.safeParse({ birthDate }).error!)).toEqual({ birthDate: "dateInvalid" });
  });

  it("leaves a partial correction without the country to the domain, which knows the stored one", () => {
    expect(partialProfileCorrectionSchema.safeParse({ postalCode: "ABC12" }).success).toBe(true);
    expect(partialProfileCorrectionSchema.safeParse({ postalCode: "ABC12", country: "" }).success).toBe(false);
  });
});
