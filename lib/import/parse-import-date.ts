import { isCalendarDate, toIsoDay as toDay } from "../validation/parse-calendar-date";

export type ParsedDate = { ok: true; date: string; at: Date } | { ok: false; reason: "dateInvalid" | "dateNotReal" };

const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const ISO_WITH_ZONE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Times without a zone are Finnish wall-clock time, as a Finnish export writes them. */
const ZONE = "Europe/Helsinki";

/**
 * A date cell as CRM and Excel exports write it: yyyy-mm-dd, d.m.yyyy or dd.mm.yyyy, a day that
 * exists (31.02.2024 is refused, not rolled over). With `time`, also ISO 8601 date-times with a
 * zone, and "yyyy-mm-dd hh:mm[:ss]" / "d.m.yyyy hh:mm" in Finnish time. Pure.
 */
export function parseImportDate(value: string, { time = false } = {}): ParsedDate {
  const cell = value.trim();
  const day = toIsoDay(cell);
  if (day) return isCalendarDate(day) ? { ok: true, date: day, at: new Date(`${day}T00:00:00Z`) } : { ok: false, reason: "dateNotReal" };
  if (!time) return { ok: false, reason: "dateInvalid" };

  const zoned = ISO_WITH_ZONE.exec(cell);
  if (zoned) {
    if (!isCalendarDate(zoned[1]!) || !validTime(zoned[2]!, zoned[3]!, zoned[4])) return { ok: false, reason: "dateNotReal" };
    const at = new Date(cell);
    return Number.isNaN(at.getTime()) ? { ok: false, reason: "dateInvalid" } : { ok: true, date: zoned[1]!, at };
  }
  const local = LOCAL_TIME.exec(cell);
  if (!local) return { ok: false, reason: "dateInvalid" };
  const date = toIsoDay(local[1]!)!;
  if (!isCalendarDate(date) || !validTime(local[2]!, local[3]!, local[4])) return { ok: false, reason: "dateNotReal" };
  const wall = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), Number(local[2]), Number(local[3]), Number(local[4] ?? 0));
  return { ok: true, date, at: new Date(wall - zoneOffsetMs(wall)) };
}

/** yyyy-mm-dd or d.m.yyyy: an export's slashed dates may be US month-first, so they are not guessed at. */
const toIsoDay = (cell: string) => toDay(cell, { slashes: false });

const validTime = (h: string, m: string, s?: string) => Number(h) < 24 && Number(m) < 60 && Number(s ?? 0) < 60;

/** How far Finnish wall-clock time is ahead of UTC around `utcMs` (2 or 3 hours). */
function zoneOffsetMs(utcMs: number): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
    .formatToParts(new Date(utcMs))
    .reduce<Record<string, number>>((acc, p) => (p.type === "literal" ? acc : { ...acc, [p.type]: Number(p.value) }), {});
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - utcMs;
}
