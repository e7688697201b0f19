import type { z } from "zod";
import { AppError } from "../errors";

/**
 * Zod issues as field → message key, for AppError's `fields`: the top-level field, or with
 * `paths: "full"` the dotted path (for forms with nested fields, e.g. "texts.fi.title"); "root"
 * for the input as a whole.
 */
export function fieldErrorsOf(error: z.ZodError, paths: "top" | "full" = "top"): Record<string, string> {
  const fields: Record<string, string> = {};
  // The first issue of a field is the one a person fixes first (e.g. "required" before "invalidEmail").
  for (const issue of error.issues) {
    const field = issue.path.length === 0 ? "root" : paths === "full" ? issue.path.map(String).join(".") : String(issue.path[0]);
    fields[field] ??= issue.message;
  }
  return fields;
}

/**
 * Parses domain input with its zod schema or throws AppError VALIDATION (field → message key)
 * before anything is read or written. The one parse step of every domain function that takes
 * untrusted input: the portal, the back-office and the API all pass through it.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, options: { userMessage?: string; what?: string; paths?: "top" | "full" } = {}): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError("VALIDATION", `invalid ${options.what ?? "input"}`, { fields: fieldErrorsOf(parsed.error, options.paths), userMessage: options.userMessage ?? "invalid" });
}
