import { describe, expect, it } from "vitest";
import { classifySearchQuery } from "@/lib/search/classify-search-query";

describe("classifySearchQuery", () => {
  it("reads a whole address, lower-cased, and does not try it as a name", () => {
    expect(classifySearchQuery("  Aino.Virtanen@Example.FI ")).toMatchObject({ email: "aino.virtanen@example.fi", emailFragment: null, nameTokens: [] });
  });

  it("reads Finnish and international phone numbers as E.164", () => {
    expect(classifySearchQuery("040 123 4567").phone).toBe("+358401234567");
    expect(classifySearchQuery("+46 70 123 45 67").phone).toBe("+46701234567");
    expect(classifySearchQuery("12345").phone).toBeNull();
  });

  it("reads a business ID with its check digit", () => {
    expect(classifySearchQuery("0112038-9").businessId).toBe("0112038-9");
    expect(classifySearchQuery("0112038-8").businessId).toBeNull();
  });

  it("takes words with letters and no digits as name tokens, at most four", () => {
    expect(classifySearchQuery("Aino   Virtanem").nameTokens).toEqual(["Aino", "Virtanem"]);
    expect(classifySearchQuery("CRM-10023").nameTokens).toEqual([]);
    expect(classifySearchQuery("a b c d e f").nameTokens).toEqual([]);
    expect(classifySearchQuery("Anna Maria Liisa Aino Kaisa").nameTokens).toHaveLength(4);
  });

  it("keeps the raw text for external ids and tries a single word as part of an address", () => {
    expect(classifySearchQuery(" CRM-10023 ")).toMatchObject({ raw: "CRM-10023", emailFragment: "crm-10023" });
    expect(classifySearchQuery("Aino Virtanen").emailFragment).toBeNull();
  });
});
