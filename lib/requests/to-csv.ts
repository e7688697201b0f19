/** A cell as text: dates as ISO 8601, objects as JSON, nothing as empty. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** One field quoted per RFC 4180 when it holds a comma, quote, CR or LF (quotes doubled). */
const field = (value: unknown) => {
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * RFC 4180 CSV: a header row of `columns`, then one row per record, CRLF line ends. Starts with
 * a UTF-8 byte order mark so spreadsheet programs read ä, ö and å right.
 */
export function toCsv<T extends Record<string, unknown>>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  const lines = [columns.map(field).join(","), ...rows.map((row) => columns.map((c) => field(row[c])).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
