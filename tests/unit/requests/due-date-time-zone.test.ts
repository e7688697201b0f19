// A request is due on a calendar day of TIME_ZONE, the zone its due date is shown in: on time until
// 23:59:59 there, overdue from 00:00 of the next day there, across DST changes.
import { describe, expect, it } from "vitest";
import { answeredOnTime } from "@/lib/dashboard/find-request-stats";
import { formatDateTime } from "@/lib/i18n/format-date";
import { startOfZonedDay, zonedTimeToInstant } from "@/lib/i18n/zoned-calendar";
import { addCalendarMonths, dueBefore, dueDateFor, extendedDueDate, monthsAllowed, overdueBefore, urgencyOf } from "@/lib/requests/due-date";

const HELSINKI = "Europe/Helsinki";
const at = (iso: string) => new Date(iso);
const shownAs = (date: Date) => formatDateTime(date, "fi", HELSINKI, { dateStyle: "short" });

describe("the due day is a day in Helsinki", () => {
  it("winter: at 22:30 UTC on the due day it is already the next day in Helsinki, so overdue", () => {
    const due = at("2026-01-15T10:00:00Z");
    expect(shownAs(due)).toBe("15.1.2026");
    expect(urgencyOf(due, at("2026-01-15T21:59:59.999Z"), 7, HELSINKI)).toBe("soon");
    expect(urgencyOf(due, at("2026-01-15T22:30:00Z"), 7, HELSINKI)).toBe("overdue");
    expect(overdueBefore(at("2026-01-15T22:30:00Z"), HELSINKI).toISOString()).toBe("2026-01-15T22:00:00.000Z");
  });

  it("a due date shown as 15 March is not overdue at 02:30 on 15 March in Helsinki (00:30 UTC)", () => {
    // Received at 01:30 on 15 February in Helsinki, which is still 14 February in UTC.
    const due = dueDateFor(at("2026-02-14T23:30:00Z"), HELSINKI);
    expect(due.toISOString()).toBe("2026-03-14T23:30:00.000Z");
    expect(shownAs(due)).toBe("15.3.2026");
    expect(urgencyOf(due, at("2026-03-15T00:30:00Z"), 7, HELSINKI)).toBe("soon");
    expect(urgencyOf(due, at("2026-03-15T21:59:59.999Z"), 7, HELSINKI)).toBe("soon");
    expect(urgencyOf(due, at("2026-03-15T22:00:00Z"), 7, HELSINKI)).toBe("overdue");
  });

  it("summer: the day ends at 21:00 UTC", () => {
    const due = at("2026-07-10T20:30:00Z"); // 23:30 on 10 July in Helsinki
    expect(urgencyOf(due, at("2026-07-10T20:59:59.999Z"), 7, HELSINKI)).toBe("soon");
    expect(urgencyOf(due, at("2026-07-10T21:00:00Z"), 7, HELSINKI)).toBe("overdue");
  });

  it("the spring-forward Sunday (29 March 2026) has 23 hours: it starts at 22:00 UTC and ends at 21:00 UTC", () => {
    expect(startOfZonedDay(at("2026-03-29T12:00:00Z"), HELSINKI).toISOString()).toBe("2026-03-28T22:00:00.000Z");
    expect(startOfZonedDay(at("2026-03-29T12:00:00Z"), HELSINKI, 1).toISOString()).toBe("2026-03-29T21:00:00.000Z");
    const due = at("2026-03-29T20:59:59Z"); // 23:59:59 summer time
    expect(shownAs(due)).toBe("29.3.2026");
    expect(urgencyOf(due, at("2026-03-29T20:59:59.999Z"), 7, HELSINKI)).toBe("soon");
    expect(urgencyOf(due, at("2026-03-29T21:00:00Z"), 7, HELSINKI)).toBe("overdue");
  });

  it("the fall-back Sunday (25 October 2026) has 25 hours: it starts at 21:00 UTC and ends at 22:00 UTC", () => {
    expect(startOfZonedDay(at("2026-10-25T12:00:00Z"), HELSINKI).toISOString()).toBe("2026-10-24T21:00:00.000Z");
    const due = at("2026-10-25T21:30:00Z"); // 23:30 winter time
    expect(shownAs(due)).toBe("25.10.2026");
    expect(urgencyOf(due, at("2026-10-25T21:59:59.999Z"), 7, HELSINKI)).toBe("soon");
    expect(urgencyOf(due, at("2026-10-25T22:00:00Z"), 7, HELSINKI)).toBe("overdue");
  });

  it("'due within seven days' counts Helsinki days across a DST change", () => {
    // From Wednesday 25 March: today and the next seven days end at 00:00 on 2 April, summer time.
    expect(dueBefore(at("2026-03-25T12:00:00Z"), 7, HELSINKI).toISOString()).toBe("2026-04-01T21:00:00.000Z");
    expect(urgencyOf(at("2026-04-01T20:59:00Z"), at("2026-03-25T12:00:00Z"), 7, HELSINKI)).toBe("soon");
    expect(urgencyOf(at("2026-04-01T21:00:00Z"), at("2026-03-25T12:00:00Z"), 7, HELSINKI)).toBe("normal");
  });

  it("a month is counted on Helsinki's calendar, at the same time of day across a DST change", () => {
    // 00:30 on 1 March in Helsinki (still 28 February in UTC) is due at 00:30 on 1 April, summer time.
    const due = addCalendarMonths(at("2026-02-28T22:30:00Z"), 1, HELSINKI);
    expect(due.toISOString()).toBe("2026-03-31T21:30:00.000Z");
    expect(shownAs(due)).toBe("1.4.2026");
    // 01:30 on 1 May in Helsinki: due 1 June, and one month allowed.
    const received = at("2026-04-30T22:30:00Z");
    expect(shownAs(dueDateFor(received, HELSINKI))).toBe("1.6.2026");
    expect(monthsAllowed(received, dueDateFor(received, HELSINKI), HELSINKI)).toBe(1);
    expect(shownAs(extendedDueDate(received, 3, HELSINKI))).toBe("1.8.2026");
  });

  it("answered on time until the end of the due day in Helsinki", () => {
    const dueAt = at("2026-01-15T10:00:00Z");
    expect(answeredOnTime({ closedAt: at("2026-01-15T21:59:59Z"), dueAt, extendedDueAt: null })).toBe(true);
    expect(answeredOnTime({ closedAt: at("2026-01-15T22:30:00Z"), dueAt, extendedDueAt: null })).toBe(false);
  });

  it("another configured zone draws the line at its own midnight", () => {
    const due = at("2026-01-15T10:00:00Z");
    expect(urgencyOf(due, at("2026-01-15T22:30:00Z"), 7, "UTC")).toBe("soon");
    expect(urgencyOf(due, at("2026-01-16T00:00:00Z"), 7, "UTC")).toBe("overdue");
    expect(urgencyOf(due, at("2026-01-16T04:59:59Z"), 7, "America/New_York")).toBe("soon");
    expect(urgencyOf(due, at("2026-01-16T05:00:00Z"), 7, "America/New_York")).toBe("overdue");
  });
});

describe("wall times on DST change nights", () => {
  it("a skipped time moves forward by the gap; a repeated one is its earlier instant", () => {
    expect(zonedTimeToInstant({ year: 2026, month: 3, day: 29, hour: 3, minute: 30 }, HELSINKI).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(zonedTimeToInstant({ year: 2026, month: 10, day: 25, hour: 3, minute: 30 }, HELSINKI).toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(zonedTimeToInstant({ year: 2026, month: 10, day: 25, hour: 2 }, HELSINKI).toISOString()).toBe("2026-10-24T23:00:00.000Z");
    expect(zonedTimeToInstant({ year: 2026, month: 3, day: 29, hour: 1 }, HELSINKI).toISOString()).toBe("2026-03-28T23:00:00.000Z");
  });
});
