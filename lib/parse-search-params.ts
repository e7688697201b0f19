// Query strings and path segments are typed by anyone: a NUL byte makes PostgreSQL refuse the
// query (a 500) and a huge page number overflows OFFSET. Pages and route handlers read them here.
import { isStorableText } from "./db/is-storable-text";

/** The highest page number a list accepts; beyond it the list is empty anyway. */
export const MAX_PAGE = 100_000;

/** A text parameter the database can hold, or undefined (absent, repeated, NUL, longer than `max`). */
export const parseSearchText = (value: unknown, max = 200): string | undefined =>
  typeof value === "string" && isStorableText(value) && value.length <= max ? value : undefined;

/** A page number: a whole number from 1 to MAX_PAGE, else 1. */
export function parsePageNumber(value: unknown): number {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= 1 && n <= MAX_PAGE ? n : 1;
}

/** An id from a URL: storable and at most `max` characters, or null (not found, without a query). */
export const parsePathId = (value: unknown, max = 64): string | null => parseSearchText(value, max) ?? null;
