import { describe, expect, it } from "vitest";
import { contrastRatio, NEAR_BLACK, normaliseHex, relativeLuminance, textColorOn, WHITE } from "@/lib/brand/contrast";

describe("WCAG contrast", () => {
  it("gives the formula's known values", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#ffffff")).toBe(1);
    expect(contrastRatio("#000", "#fff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#fff", "#000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#1d4ed8", "#1d4ed8")).toBe(1);
    // Published reference pairs: #767676 is the lightest grey that passes AA on white, #777 fails.
    expect(contrastRatio(WHITE, "#767676")).toBeCloseTo(4.54, 2);
    expect(contrastRatio(WHITE, "#777777")).toBeCloseTo(4.48, 2);
    expect(contrastRatio(WHITE, "#0000ff")).toBeCloseTo(8.59, 2);
    expect(contrastRatio(WHITE, "#ff0000")).toBeCloseTo(4.0, 2);
  });

  it("normalises hex notations and refuses others", () => {
    expect(normaliseHex("#ABC")).toBe("#aabbcc");
    expect(normaliseHex(" #0E6074 ")).toBe("#0e6074");
    for (const bad of ["0e6074", "#12345", "#ggg000", "red", "rgb(0,0,0)", ""]) expect(normaliseHex(bad)).toBeNull();
  });

  it("puts white on dark colours, near-black on light ones, and refuses the middle", () => {
    expect(textColorOn("#0e6074")).toBe(WHITE);
    expect(textColorOn("#767676")).toBe(WHITE);
    expect(textColorOn("#ffcc00")).toBe(NEAR_BLACK);
    expect(textColorOn("#ff0000")).toBeNull(); // white 4.0:1, near-black 4.1:1
    expect(textColorOn("#808080")).toBeNull();
  });
});
