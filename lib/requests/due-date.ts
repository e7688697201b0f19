// Deadlines of data-subject requests (GDPR Art. 12(3)). A request is due on a calendar day
// (UTC): answering any time that day is on time, so it is overdue from the next day's start.

const DAY_MS = 24 * 60 * 60 * 1000;

/** One month to answer, and at most two more with an extension: three in all. */
export const MAX_RESPONSE_MONTHS = 3;

/**
 * One calendar month after receipt (GDPR Art. 12(3)), month-end safe: 31 January is due on the
 * last day of February. `months` may be up to 3 in all with an extension.
 */
export function addCalendarMonths(from: Date, months: number): Date {
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const due = new Date(from);
  due.setUTCFullYear(year, month, Math.min(from.getUTCDate(), lastDay));
  return due;
}

export const dueDateFor = (receivedAt: Date) => addCalendarMonths(receivedAt, 1);

/** The extended due date: `totalMonths` after receipt, never more than three months in all. */
export function extendedDueDate(receivedAt: Date, totalMonths: number): Date {
  if (!Number.isInteger(totalMonths) || totalMonths < 2 || totalMonths > MAX_RESPONSE_MONTHS) {
    throw new RangeError(`an extension makes 2 or 3 months in all, not ${totalMonths}`);
  }
  return addCalendarMonths(receivedAt, totalMonths);
}

/** Whole months from receipt to a due date made by addCalendarMonths. */
export function monthsAllowed(receivedAt: Date, dueAt: Date): number {
  return (dueAt.getUTCFullYear() - receivedAt.getUTCFullYear()) * 12 + dueAt.getUTCMonth() - receivedAt.getUTCMonth();
}

/** The due date in force: the extended one if there is one. */
export const effectiveDueAt = (request: { dueAt: Date; extendedDueAt: Date | null }) => request.extendedDueAt ?? request.dueAt;

/** 00:00 UTC of the day of `at`. */
export const startOfUtcDay = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

/** Due dates before this instant are overdue at `now` (the due day has ended). */
export const overdueBefore = (now: Date) => startOfUtcDay(now);

/** Due dates before this instant fall within the next `days` days (today included) at `now`. */
export const dueBefore = (now: Date, days: number) => new Date(startOfUtcDay(now).getTime() + (days + 1) * DAY_MS);

export type Urgency = "overdue" | "soon" | "normal";

/** How a due date stands at `now`: overdue, due within `soonDays` days, or neither. */
export function urgencyOf(due: Date, now: Date, soonDays = 7): Urgency {
  if (due < overdueBefore(now)) return "overdue";
  if (due < dueBefore(now, soonDays)) return "soon";
  return "normal";
}
