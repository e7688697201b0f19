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
