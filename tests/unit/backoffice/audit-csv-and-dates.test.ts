import { describe, expect, it } from "vitest";
import { defusedCsvField } from "@/lib/csv/csv-field";
import { answeredOnTime } from "@/lib/dashboard/find-request-stats";

describe("defusedCsvField", () => {
  it("quotes per RFC 4180 and defuses what a spreadsheet would run as a formula", () => {
    expect(defusedCsvField("plain")).toBe("plain");
    expect(defusedCsvField('say "hi", twice')).toBe('"say ""hi"", twice"');
    expect(defusedCsvField("=1+2")).toBe("'=1+2");
    expect(defusedCsvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(defusedCsvField({ a: 1 })).toBe('"{""a"":1}"');
    expect(defusedCsvField(null)).toBe("");
    expect(defusedCsvField(new Date("2026-01-02T03:04:05Z"))).toBe("2026-01-02T03:04:05.000Z");
  });
});

describe("answeredOnTime", () => {
  const due = new Date("2026-03-31T00:00:00Z");
  it("counts the whole due day in Helsinki (ending 21:00 UTC in summer), and an extension", () => {
    expect(answeredOnTime({ closedAt: new Date("2026-03-31T20:59:59Z"), dueAt: due, extendedDueAt: null })).toBe(true);
    expect(answeredOnTime({ closedAt: new Date("2026-03-31T21:00:00Z"), dueAt: due, extendedDueAt: null })).toBe(false);
    expect(answeredOnTime({ closedAt: new Date("2026-05-01T00:00:00Z"), dueAt: due, extendedDueAt: new Date("2026-05-31T00:00:00Z") })).toBe(true);
  });
});
