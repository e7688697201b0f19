/** A cell as text: dates as ISO 8601, objects as JSON, nothing as empty. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

const quoted = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/**
 * One RFC 4180 field, the value as it is (quotes doubled, quoted when it holds a comma, quote,
 * CR or LF). For a person's own data export, where "+358…" must stay a phone number.
 */
export function csvField(value: unknown): string {
  return quoted(cellText(value));
}

/**
 * One RFC 4180 field for the back-office's exports of what others typed (audit trail, import
 * rows): a leading =, +, -, @, tab or CR is defused with a quote so spreadsheets never run it
 * as a formula.
 */
export function defusedCsvField(value: unknown): string {
  const text = cellText(value);
  return quoted(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
}
