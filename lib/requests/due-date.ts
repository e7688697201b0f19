// Deadlines of data-subject requests (GDPR Art. 12(3)). A request is due on a calendar day in the
// configured zone (TIME_ZONE, the zone every date is shown in): answering any time that day is on
// time, so it is overdue from 00:00 of the next day there. Each function takes the zone, by default
// the configured one, so a due date shown as 15 March is on time until 23:59:59 on 15 March there.
import { getConfig } from "../config";
import { startOfZonedDay, zonedParts, zonedTimeToInstant } from "../i18n/zoned-calendar";

const zone = () => getConfig().TIME_ZONE;

/** One month to answer, and at most two more with an extension: three in all. */
export const MAX_RESPONSE_MONTHS = 3;

/**
 * One calendar month after receipt (GDPR Art. 12(3)) by the zone's calendar, at the same time of
 * day, month-end safe: received on 31 January, due on the last day of February. `months` may be
 * up to 3 in all with an extension.
 */
export function addCalendarMonths(from: Date, months: number, timeZone = zone()): Date {
  const at = zonedParts(from, timeZone);
  const lastDay = new Date(Date.UTC(at.year, at.month - 1 + months + 1, 0)).getUTCDate();
  return zonedTimeToInstant({ ...at, month: at.month + months, day: Math.min(at.day, lastDay) }, timeZone);
}

export const dueDateFor = (receivedAt: Date, timeZone = zone()) => addCalendarMonths(receivedAt, 1, timeZone);

/** The extended due date: `totalMonths` after receipt, never more than three months in all. */
export function extendedDueDate(receivedAt: Date, totalMonths: number, timeZone = zone()): Date {
  if (!Number.isInteger(totalMonths) || totalMonths < 2 || totalMonths > MAX_RESPONSE_MONTHS) {
    throw new RangeError(`an extension makes 2 or 3 months in all, not ${totalMonths}`);
  }
  return addCalendarMonths(receivedAt, totalMonths, timeZone);
}

/** Whole months from receipt to a due date made by addCalendarMonths. */
export function monthsAllowed(receivedAt: Date, dueAt: Date, timeZone = zone()): number {
  const from = zonedParts(receivedAt, timeZone);
  const to = zonedParts(dueAt, timeZone);
  return (to.year - from.year) * 12 + to.month - from.month;
}

/** The due date in force: the extended one if there is one. */
export const effectiveDueAt = (request: { dueAt: Date; extendedDueAt: Date | null }) => request.extendedDueAt ?? request.dueAt;

/** Due dates before this instant are overdue at `now`: 00:00 in the zone of the day `now` falls on there. */
export const overdueBefore = (now: Date, timeZone = zone()) => startOfZonedDay(now, timeZone);

/** Due dates before this instant fall within the next `days` days (today included) at `now`, by the zone's calendar. */
export const dueBefore = (now: Date, days: number, timeZone = zone()) => startOfZonedDay(now, timeZone, days + 1);

/** The end of a due date's day in the zone: answered before this instant, a request was on time. */
export const endOfDueDay = (due: Date, timeZone = zone()) => startOfZonedDay(due, timeZone, 1);

export type Urgency = "overdue" | "soon" | "normal";

/** How a due date stands at `now`: overdue, due within `soonDays` days, or neither. */
export function urgencyOf(due: Date, now: Date, soonDays = 7, timeZone = zone()): Urgency {
  if (due < overdueBefore(now, timeZone)) return "overdue";
  if (due < dueBefore(now, soonDays, timeZone)) return "soon";
  return "normal";
}
