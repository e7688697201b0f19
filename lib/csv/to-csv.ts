import { csvField } from "./csv-field";

/**
 * RFC 4180 CSV: a header row of `columns`, then one row per record, CRLF line ends. Starts with
 * a UTF-8 byte order mark so spreadsheet programs read ä, ö and å right.
 */
export function toCsv<T extends Record<string, unknown>>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  const lines = [columns.map(csvField).join(","), ...rows.map((row) => columns.map((c) => csvField(row[c])).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
