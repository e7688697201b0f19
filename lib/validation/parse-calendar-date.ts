// Calendar dates (a birth date, an import cell) as people type them in Finland: ISO 1985-12-31,
// Finnish and Swedish 31.12.1985, British English 31/12/1985. Always day before month: the
// portal's languages all write it so, and a US month-first date is not guessed at.

export type CalendarDateCheck = { ok: true; date: string } | { ok: false; reason: "dateInvalid" | "dateNotReal" };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})$/;

/** Whether YYYY-MM-DD names a day that exists: Date would roll 1980-02-31 over to 1980-03-02. */
export function isCalendarDate(value: string): boolean {
  const match = ISO.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 0-99 as they are
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The YYYY-MM-DD a typed date means, not yet checked to exist; null when it is in none of the
 * accepted shapes. `slashes: false` leaves out 31/12/1985 (CSV exports write US dates so).
 */
export function toIsoDay(value: string, { slashes = true } = {}): string | null {
  const cell = value.trim();
  if (ISO.test(cell)) return cell;
  const m = DAY_FIRST.exec(cell);
  if (!m || (m[2] === "/" && !slashes)) return null;
  return `${m[4]}-${m[3]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
}

/** A typed calendar date as YYYY-MM-DD, or why not: not a date at all, or a day that does not exist (31.2.1985). */
export function parseCalendarDate(value: string, options?: { slashes?: boolean }): CalendarDateCheck {
  const day = toIsoDay(value, options);
  if (!day) return { ok: false, reason: "dateInvalid" };
  return isCalendarDate(day) ? { ok: true, date: day } : { ok: false, reason: "dateNotReal" };
}
