// RFC 9457 problem details: every API error is application/problem+json with a stable `type`.
import { z } from "zod";
import { getConfig } from "../config";
import { isDatabaseUnavailable } from "../db/is-database-unavailable";
import { errorStatus, isAppError, type ErrorCode } from "../errors";
import { describeError, log } from "../log";

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Field-level problems of a 400/422: JSON path and a message key. */
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}

const titles: Record<string, string> = {
  bad_request: "The request is malformed",
  validation: "The request is not valid",
  unauthenticated: "A valid API key is required",
  forbidden: "The API key lacks a scope",
  not_found: "Not found",
  conflict: "Conflict",
  gone: "Gone",
  rate_limited: "Too many requests",
  reauth_required: "Forbidden",
  unavailable: "Temporarily unavailable",
  internal: "Internal error",
};

export const problemType = (slug: string) => `${getConfig().APP_URL}/api-docs#problem-${slug}`;

export function problemResponse(status: number, slug: string, extra: Partial<ProblemBody> = {}, headers: Record<string, string> = {}): Response {
  const body: ProblemBody = { type: problemType(slug), title: titles[slug] ?? slug, status, ...extra };
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers } });
}

export const zodProblems = (error: z.ZodError) => error.issues.map((issue) => ({ path: issue.path.join(".") || "(body)", message: issue.message }));

/** The problem for a thrown error; an unknown error is logged (kind only) and never described. */
export function problemFromError(error: unknown): Response {
  if (isAppError(error)) {
    const code = error.code as ErrorCode;
    const fields = Object.entries(error.options.fields ?? {}).map(([path, message]) => ({ path, message }));
    return problemResponse(error.status ?? errorStatus[code], code.toLowerCase(), { detail: error.message, ...(fields.length ? { errors: fields } : {}) });
  }
  if (error instanceof z.ZodError) return problemResponse(400, "bad_request", { detail: "The request does not match its schema.", errors: zodProblems(error) });
  if (isDatabaseUnavailable(error)) {
    log.warn("api.database_unavailable", describeError(error));
    return problemResponse(503, "unavailable", { detail: "The database cannot be reached just now; try again shortly." }, { "retry-after": "5" });
  }
  log.error("api.failed", describeError(error));
  return problemResponse(500, "internal", { detail: "The request could not be completed." });
}
