import { describe, expect, it } from "vitest";
import { businessIdCheckDigit, isValidBusinessId, normaliseBusinessId } from "@/lib/organizations/business-id";

describe("Finnish business ID (Y-tunnus)", () => {
  // Real, published business IDs.
  it.each(["0112038-9", "0109862-8", "1927400-1", "0116510-6"])("accepts %s", (id) => {
    expect(isValidBusinessId(id)).toBe(true);
    expect(normaliseBusinessId(id)).toBe(id);
  });

  it.each(["0112038-8", "0112038-0", "1927400-2", "0116510-7"])("refuses %s (wrong check digit)", (id) => {
    expect(isValidBusinessId(id)).toBe(false);
  });

  it.each(["", "abc", "0112038", "0112038-", "01120389-9", "11203-9", "0112038-99", "0112O38-9"])("refuses malformed %j", (id) => {
    expect(normaliseBusinessId(id)).toBeNull();
  });

  it("normalises a missing hyphen, a missing leading zero and surrounding spaces", () => {
    expect(normaliseBusinessId("01120389")).toBe("0112038-9");
    expect(normaliseBusinessId("112038-9")).toBe("0112038-9");
    expect(normaliseBusinessId("  0112038-9 ")).toBe("0112038-9");
  });

  it("computes the check digit with weights 7,9,10,5,8,4,2 modulo 11", () => {
    expect(businessIdCheckDigit("0112038")).toBe(9);
    // 0000001: sum 2, remainder 2 -> 11 - 2 = 9; 0000000: remainder 0 -> 0.
    expect(businessIdCheckDigit("0000001")).toBe(9);
    expect(businessIdCheckDigit("0000000")).toBe(0);
    expect(businessIdCheckDigit("123456")).toBeNull();
  });

  it("has no valid ID for a body whose remainder is 1", () => {
    // 0000030: 3 * 4 = 12, remainder 1.
    expect(businessIdCheckDigit("0000030")).toBeNull();
    for (let digit = 0; digit <= 9; digit += 1) expect(isValidBusinessId(`0000030-${digit}`)).toBe(false);
  });
});
