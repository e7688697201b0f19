import { csvField } from "./csv-field";

/**
 * RFC 4180 CSV: a header row of `columns`, then one row per record, CRLF line ends. Starts with
 * a UTF-8 byte order mark so spreadsheet programs read ä, ö and å right. `field` encodes each
 * value (default: as it is; pass a defusing encoder for values others typed).
 */
export function toCsv<T extends Record<string, unknown>>(
  columns: readonly (keyof T & string)[],
  rows: readonly T[],
  field: (value: unknown, column: keyof T & string, row: T) => string = csvField,
): string {
  const lines = [columns.map((c) => csvField(c)).join(","), ...rows.map((row) => columns.map((c) => field(row[c], c, row)).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
