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
