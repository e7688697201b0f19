import { describe, expect, it } from "vitest";
import { csvField } from "@/lib/audit/export-audit-entries";
import { answeredOnTime } from "@/lib/dashboard/find-request-stats";

describe("csvField", () => {
  it("quotes per RFC 4180 and defuses what a spreadsheet would run as a formula", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", twice')).toBe('"say ""hi"", twice"');
    expect(csvField("=1+2")).toBe("'=1+2");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvField(null)).toBe("");
    expect(csvField(new Date("2026-01-02T03:04:05Z"))).toBe("2026-01-02T03:04:05.000Z");
  });
});

describe("answeredOnTime", () => {
  const due = new Date("2026-03-31T00:00:00Z");
  it("counts the whole due day, and an extension", () => {
    expect(answeredOnTime({ closedAt: new Date("2026-03-31T23:59:59Z"), dueAt: due, extendedDueAt: null })).toBe(true);
    expect(answeredOnTime({ closedAt: new Date("2026-04-01T00:00:00Z"), dueAt: due, extendedDueAt: null })).toBe(false);
    expect(answeredOnTime({ closedAt: new Date("2026-05-01T00:00:00Z"), dueAt: due, extendedDueAt: new Date("2026-05-31T00:00:00Z") })).toBe(true);
  });
});
