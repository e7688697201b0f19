import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDateInput, formatDateTime, intlLocale } from "@/lib/i18n/format-date";
import { parseConfig } from "@/lib/config";

const HELSINKI = "Europe/Helsinki";
// 17:37 UTC in December is 19:37 in Helsinki (UTC+2, winter time).
const winter = new Date("2026-12-07T17:37:00Z");
// 16:37 UTC in July is 19:37 in Helsinki (UTC+3, summer time).
const summer = new Date("2026-07-07T16:37:00Z");

describe("formatDateTime", () => {
  it("writes English day-month, 24-hour, as in Britain, not US style", () => {
    expect(formatDateTime(winter, "en", HELSINKI)).toBe("7 Dec 2026, 19:37");
    expect(formatDateTime(winter, "en", HELSINKI)).not.toMatch(/PM|Dec 7/);
    expect(formatDateTime(winter, "en", HELSINKI, { dateStyle: "short" })).toBe("07/12/2026");
  });

  it("writes Finnish and Finland-Swedish dates and times", () => {
    expect(formatDateTime(winter, "fi", HELSINKI)).toBe("7.12.2026 klo 19.37");
    expect(formatDateTime(winter, "sv", HELSINKI)).toBe("7 dec. 2026 19.37");
    expect(formatDateTime(winter, "sv", HELSINKI, { dateStyle: "short" })).toBe("7.12.2026");
    expect(formatDateTime(winter, "fi", HELSINKI, { dateStyle: "long" })).toBe("7. joulukuuta 2026");
  });

  it("converts to the zone on both sides of daylight saving time", () => {
    expect(formatDateTime(summer, "en", HELSINKI)).toBe("7 Jul 2026, 19:37");
    expect(formatDateTime(winter, "en", "UTC")).toBe("7 Dec 2026, 17:37");
    // The night the clocks go back (25 Oct 2026): 00:30 UTC is 03:30 summer time, 01:30 UTC is 03:30 winter time.
    expect(formatDateTime(new Date("2026-10-25T00:30:00Z"), "fi", HELSINKI, { timeStyle: "short" })).toBe("3.30");
    expect(formatDateTime(new Date("2026-10-25T01:30:00Z"), "fi", HELSINKI, { timeStyle: "short" })).toBe("3.30");
    // A due time late in the UTC evening is already the next day in Helsinki.
    expect(formatDateTime(new Date("2026-02-15T23:30:00Z"), "en", HELSINKI, { dateStyle: "medium" })).toBe("16 Feb 2026");
  });

  it("maps the UI languages to Finnish-region locales", () => {
    expect([intlLocale("fi"), intlLocale("sv"), intlLocale("en")]).toEqual(["fi-FI", "sv-FI", "en-GB"]);
  });
});

describe("calendar dates", () => {
  it("never shifts a birth date into a zone", () => {
    expect(formatCalendarDate("1985-12-31", "en")).toBe("31 December 1985");
    expect(formatCalendarDate("1985-12-31", "fi")).toBe("31. joulukuuta 1985");
  });

  it("writes a date field's value as each language types it", () => {
    expect(formatDateInput("1985-12-31", "fi")).toBe("31.12.1985");
    expect(formatDateInput("1985-12-31", "sv")).toBe("31.12.1985");
    expect(formatDateInput("1985-12-31", "en")).toBe("31/12/1985");
  });
});

describe("TIME_ZONE", () => {
  it("defaults to Helsinki and accepts IANA zones", () => {
    expect(parseConfig({}).TIME_ZONE).toBe("Europe/Helsinki");
    expect(parseConfig({ TIME_ZONE: "Europe/Stockholm" }).TIME_ZONE).toBe("Europe/Stockholm");
  });

  it("refuses a zone Intl does not know, naming the variable", () => {
    expect(() => parseConfig({ TIME_ZONE: "Europe/Atlantis" })).toThrow(/TIME_ZONE: must be an IANA time zone/);
  });
});
