// Calendar days in a time zone (TIME_ZONE, e.g. Europe/Helsinki), with Intl only: the zone's rules
// (offsets, DST changes) come from the runtime's time-zone database, never from tables of ours.
// Pure and client-safe, like format-date.ts.

/** A wall-clock date and time in a zone; `month` 1–12. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock date and time of `at` in `timeZone`. */
export function zonedParts(at: Date, timeZone: string): ZonedParts {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(at)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second!, millisecond: at.getUTCMilliseconds() };
}

/** How far the zone's clock is ahead of UTC at `at`, in milliseconds (Helsinki: 2 h in winter, 3 h in summer). */
function offsetAt(at: number, timeZone: string): number {
  const p = zonedParts(new Date(at), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond) - at;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant a zone's clock shows the given wall time. Day, month and time overflow as in
 * Date.UTC (day 32 is the next month's first). A wall time shown twice (the autumn hour repeated)
 * is its earlier instant; one skipped by a spring change (03:30 in Helsinki) is moved forward by
 * the gap (04:30), as Temporal's "compatible" disambiguation does.
 */
export function zonedTimeToInstant(p: Partial<ZonedParts> & Pick<ZonedParts, "year" | "month" | "day">, timeZone: string): Date {
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour ?? 0, p.minute ?? 0, p.second ?? 0, p.millisecond ?? 0);
  // The zone's offset a day before and a day after: no zone changes its clock twice in two days.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const fits = [wall - before, wall - after].filter((at) => offsetAt(at, timeZone) === wall - at);
  return new Date(fits.length ? Math.min(...fits) : wall - before);
}

/** 00:00 in `timeZone` of the calendar day `days` after the one `at` falls on there. */
export function startOfZonedDay(at: Date, timeZone: string, days = 0): Date {
  const { year, month, day } = zonedParts(at, timeZone);
  return zonedTimeToInstant({ year, month, day: day + days }, timeZone);
}
