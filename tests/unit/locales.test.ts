import { describe, expect, it } from "vitest";
import { defaultLocale, isLocale, localeFromAcceptLanguage } from "@/lib/i18n/locales";

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["fi-FI,fi;q=0.9,en;q=0.8", "fi"],
    ["sv-FI,sv;q=0.9,en;q=0.8", "sv"],
    ["EN-us", "en"],
    ["de-DE,de;q=0.9,en;q=0.5,sv;q=0.4", "en"],
    ["en;q=0.1, fi;q=0.9", "fi"],
    ["fr, sv;q=0.2, en;q=0.3", "en"],
    ["fi;q=0, en", "en"],
  ])("%j -> %s", (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });

  it.each([null, undefined, "", "de-DE,fr;q=0.9", "*", "fi;q=0"])("%j -> null (none supported)", (header) => {
    expect(localeFromAcceptLanguage(header)).toBeNull();
  });

  it("defaults to Finnish and knows exactly fi, sv, en", () => {
    expect(defaultLocale).toBe("fi");
    expect(["fi", "sv", "en"].every(isLocale)).toBe(true);
    expect(isLocale("de")).toBe(false);
    expect(isLocale("FI")).toBe(false);
  });
});
