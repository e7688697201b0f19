import { describe, expect, it } from "vitest";
import { addCalendarMonths, dueDateFor } from "@/lib/requests/due-date";

const d = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe("due dates: one calendar month, month-end safe", () => {
  it.each([
    ["2026-01-31", "2026-02-28"],
    ["2028-01-31", "2028-02-29"],
    ["2026-01-15", "2026-02-15"],
    ["2026-03-31", "2026-04-30"],
    ["2026-12-31", "2027-01-31"],
  ])("received %s is due %s", (received, due) => {
    expect(dueDateFor(d(received)).toISOString().slice(0, 10)).toBe(due);
  });

  it("adds up to three months across a year end", () => {
    expect(addCalendarMonths(d("2026-11-30"), 3).toISOString().slice(0, 10)).toBe("2027-02-28");
  });
});

describe("extensions and urgency", () => {
  it("extends to two or three months after receipt, never more", async () => {
    const { extendedDueDate, monthsAllowed } = await import("@/lib/requests/due-date");
    expect(extendedDueDate(d("2026-01-31"), 2).toISOString().slice(0, 10)).toBe("2026-03-31");
    expect(extendedDueDate(d("2026-01-31"), 3).toISOString().slice(0, 10)).toBe("2026-04-30");
    expect(() => extendedDueDate(d("2026-01-31"), 4)).toThrow(RangeError);
    expect(monthsAllowed(d("2026-01-31"), dueDateFor(d("2026-01-31")))).toBe(1);
  });

  it("is overdue from the start of the day after the due day in the configured zone (Helsinki by default)", async () => {
    const { urgencyOf } = await import("@/lib/requests/due-date");
    const due = dueDateFor(d("2026-01-31"));
    // 28 February ends at 22:00 UTC in Helsinki (UTC+2 in winter), not at midnight UTC.
    expect(urgencyOf(due, new Date("2026-02-28T21:59:59.999Z"))).toBe("soon");
    expect(urgencyOf(due, new Date("2026-02-28T22:00:00.000Z"))).toBe("overdue");
    expect(urgencyOf(due, new Date("2026-02-21T00:00:00.000Z"))).toBe("soon");
    expect(urgencyOf(due, new Date("2026-02-20T21:59:59.999Z"))).toBe("normal");
  });
});
