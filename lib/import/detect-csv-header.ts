import { parse } from "csv-parse/sync";

/**
 * The delimiter and column names of a CSV file, from its first bytes: comma, semicolon (Excel
 * in Finnish and Swedish) or tab, whichever the header line has most of. Null when the first
 * line cannot be read as a header (blank or repeated names). `encoding` as detectImportEncoding
 * found it; a BOM is dropped.
 */
export function detectCsvHeader(head: Buffer, encoding = "utf-8"): { delimiter: string; columns: string[] } | null {
  const text = new TextDecoder(encoding).decode(head).replace(/^\uFEFF/, "");
  if (text.includes("\u0000")) return null;
  const end = text.search(/\r?\n/);
  const line = end >= 0 ? text.slice(0, end) : text;
  if (!line.trim()) return null;
  const best = [",", ";", "\t"].map((d) => ({ d, n: line.split(d).length - 1 })).sort((a, b) => b.n - a.n)[0]!;
  const delimiter = best.n > 0 ? best.d : ",";
  let columns: string[];
  try {
    columns = (parse(line, { delimiter, relax_quotes: true, to_line: 1 }) as string[][])[0]?.map((c) => c.trim()) ?? [];
  } catch {
    return null;
  }
  if (columns.length === 0 || columns.some((c) => !c) || new Set(columns).size !== columns.length) return null;
  return { delimiter, columns };
}
