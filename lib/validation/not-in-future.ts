import type { z } from "zod";

/** How far a caller's clock may run ahead of ours: a time up to this far past now still counts as past. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The time of something that already happened (consent collected, a purchase made, values
 * observed): refused when later than now plus CLOCK_SKEW_MS, with the message key "inFuture" and
 * the API's 422 (a well-formed value that a rule refuses). A malformed time is left to the schema.
 */
export function notInFuture<S extends z.ZodType<string | Date>>(schema: S) {
  return schema.refine(
    (value) => {
      const at = new Date(value).getTime();
      return Number.isNaN(at) || at <= Date.now() + CLOCK_SKEW_MS;
    },
    { message: "inFuture", params: { status: 422 } },
  );
}
