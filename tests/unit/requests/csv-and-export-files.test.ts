import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { PersonData } from "@/lib/requests/collect-person-data";
import { renderExportFiles, type ExportFileStrings } from "@/lib/requests/render-export-files";
import { toCsv } from "@/lib/csv/to-csv";

describe("toCsv (RFC 4180)", () => {
  it("quotes commas, quotes and line breaks, and round-trips through a CSV parser", () => {
    const rows = [
      { a: 'say "hi", then go', b: "line1\nline2", c: null, d: new Date("2026-01-02T03:04:05Z"), e: { k: 1 } },
      { a: "plain", b: "ä ö å", c: 3, d: undefined, e: [1, 2] },
    ];
    const csv = toCsv(["a", "b", "c", "d", "e"], rows);
    expect(csv.startsWith("\uFEFFa,b,c,d,e\r\n")).toBe(true);
    expect(parse(csv, { columns: true, bom: true })).toEqual([
      { a: 'say "hi", then go', b: "line1\nline2", c: "", d: "2026-01-02T03:04:05.000Z", e: '{"k":1}' },
      { a: "plain", b: "ä ö å", c: "3", d: "", e: "[1,2]" },
    ]);
  });

  it("keeps a person's values as they are: a phone number stays +358…, not a defused '+358…", () => {
    expect(toCsv(["phone", "note"], [{ phone: "+358401234567", note: "-5 %" }])).toBe("\uFEFFphone,note\r\n+358401234567,-5 %\r\n");
  });
});

describe("renderExportFiles", () => {
  it("escapes HTML in the browser page", () => {
    const strings: ExportFileStrings = {
      lang: "en", title: "T", intro: "I", generated: "G", empty: "E", field: "F", value: "V", readme: "R",
      sections: { person: "P", provenance: "Pr", organisations: "O", externalIdentities: "X", interactions: "In", consents: "C", consentEvents: "CE", requests: "Rq", requestTimeline: "RT", auditEntries: "A" },
      files: { "data.json": "json" },
    };
    const data = {
      format: "omadata-export/1", generatedAt: new Date(0), person: { id: "p1", givenName: "<script>alert(1)</script>" }, provenance: [], organisations: [], externalIdentities: [],
      interactions: [], consents: { current: [], events: [] }, requests: [], auditEntries: [],
    } as unknown as PersonData;
    const files = renderExportFiles(data, strings);
    expect(files["index.html"]).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(files["index.html"]).not.toContain("<script>");
    expect(JSON.parse(files["data.json"]!).person.givenName).toBe("<script>alert(1)</script>");
  });
});
