// The integration API's one entry point: API key, per-key rate limit, scopes, Idempotency-Key,
// body and query validation (400 problem+json, nothing written), then the thin handler.
import type { z } from "zod";
import { authenticateApiKey, type ApiPrincipal } from "../api-keys/authenticate-api-key";
import type { ApiScope } from "../api-keys/scopes";
import type { ApiRouteSpec } from "./api-routes";
import { getConfig } from "../config";
import { isStorableText } from "../db/is-storable-text";
import { consumeRateLimit } from "../rate-limit/consume-rate-limit";
import { runWithIdempotencyKey } from "../changes/idempotent-changes";
import { finishIdempotentRequest, requestFingerprint, startIdempotentRequest } from "./idempotency";
import { formFingerprint, readFormBody } from "./read-form-body";
import { problemFromError, problemResponse, zodProblems } from "./problem";

export interface ApiResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface ApiRequest<P, B, Q> {
  principal: ApiPrincipal;
  params: P;
  body: B;
  /** The body as sent, before the schema's transforms, for domain functions that parse it themselves. */
  rawBody: unknown;
  query: Q;
  request: Request;
}

export interface ApiRouteOptions<P, B, Q> extends Partial<Pick<ApiRouteSpec, "method" | "path" | "summary" | "responses">> {
  /** Every one is required. */
  scopes: ApiScope[];
  body?: z.ZodType<B>;
  /** A multipart/form-data body instead of JSON: its fields (files as File) checked by this schema. */
  form?: z.ZodType<B>;
  /** The form body's limit in bytes. */
  maxBodyBytes?: number;
  query?: z.ZodType<Q>;
  /** A Response is sent as it is (a GET's streamed download, e.g. CSV); an ApiResult as JSON. */
  handler: (request: ApiRequest<P, B, Q>) => Promise<ApiResult | Response>;
}

type RouteContext<P> = { params: Promise<P> };

interface Answer {
  status: number;
  /** JSON text, as sent and as kept for Idempotency-Key replays. */
  body: string;
  headers?: Record<string, string>;
  /** The handler's own Response, passed through (never kept for an Idempotency-Key replay). */
  response?: Response;
}

/** Problems are problem+json, everything else JSON; a replay says that it is one. */
const respond = (answer: Answer, extra: Record<string, string> = {}) =>
  new Response(answer.status === 204 ? null : answer.body, {
    status: answer.status,
    headers: {
      "content-type": answer.status >= 400 ? "application/problem+json" : "application/json",
      "cache-control": "no-store",
      ...answer.headers,
      ...extra,
    },
  });

export function withApiKey<P = Record<string, string>, B = undefined, Q = undefined>(options: ApiRouteOptions<P, B, Q>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const principal = await authenticateApiKey(request.headers.get("authorization"));
      if (!principal) return problemResponse(401, "unauthenticated", { detail: "Send a valid, unrevoked key as `Authorization: Bearer omk_…`." }, { "www-authenticate": "Bearer" });
      const limit = await consumeRateLimit({ key: `api:key:${principal.keyId}`, limit: getConfig().API_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 });
      if (!limit.allowed) return problemResponse(429, "rate_limited", { detail: "The key's per-minute limit is used up." }, { "retry-after": String(limit.retryAfterSeconds) });
      const missing = options.scopes.filter((scope) => !principal.scopes.includes(scope));
      if (missing.length) return problemResponse(403, "forbidden", { detail: `The key lacks: ${missing.join(", ")}.`, missingScopes: missing });

      const url = new URL(request.url);
      const form = options.form ? await readFormBody(request, options.maxBodyBytes ?? 1024 * 1024) : null;
      // A form's digest stands in for its text, so an Idempotency-Key reused with another file is refused.
      const text = options.body ? await request.text() : form ? await formFingerprint(form) : "";
      const idempotencyKey = request.headers.get("idempotency-key");
      let recordId: string | null = null;
      let kept: string[] = [];
      if (idempotencyKey !== null && (request.method === "POST" || request.method === "PATCH")) {
        if (!/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) return problemResponse(400, "bad_request", { detail: "Idempotency-Key must be 1-255 visible ASCII characters." });
        const start = await startIdempotentRequest(principal.systemId, idempotencyKey, requestFingerprint(request.method, url.pathname + url.search, text));
        if (start.kind === "replay") return respond({ status: start.status, body: start.body }, { "idempotent-replayed": "true" });
        if (start.kind === "in_progress") return problemResponse(409, "conflict", { detail: "A request with this Idempotency-Key is still being processed." });
        if (start.kind === "mismatch") return problemResponse(422, "validation", { detail: "This Idempotency-Key was used with a different request." });
        recordId = start.recordId;
        kept = start.kept;
      }
      const answer = recordId ? await runWithIdempotencyKey(recordId, kept, () => run(options, principal, request, url, text, context, form)) : await run(options, principal, request, url, text, context, form);
      if (recordId) await finishIdempotentRequest(recordId, answer.response ? null : answer.status, answer.body);
      if (answer.response) return answer.response;
      return respond(answer);
    } catch (error) {
      return problemFromError(error);
    }
  };
}

/** The path of the first string (or key) holding U+0000, which PostgreSQL text cannot store; or null. */
function nulCharacterPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return isStorableText(value) ? null : path.join(".") || "(body)";
  if (!value || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    const found = isStorableText(key) ? nulCharacterPath(item, [...path, key]) : [...path, key].join(".");
    if (found) return found;
  }
  return null;
}

const nulProblem = (where: string, path: string) =>
  problemResponse(400, "bad_request", { detail: `The ${where} contains a NUL character (U+0000).`, errors: [{ path, message: "nulCharacter" }] });

/** Validates and runs the handler; every answer, problems included, comes back as status + JSON text. */
async function run<P, B, Q>(options: ApiRouteOptions<P, B, Q>, principal: ApiPrincipal, request: Request, url: URL, text: string, context: RouteContext<P>, form: FormData | null): Promise<Answer> {
  const fromResponse = async (response: Response): Promise<Answer> => ({ status: response.status, body: await response.text() });
  const params = await context.params;
  const paramNul = nulCharacterPath(params);
  if (paramNul) return fromResponse(nulProblem("path", paramNul));
  let body: unknown;
  let rawBody: unknown;
  if (options.body) {
    try {
      body = rawBody = JSON.parse(text);
    } catch {
      return fromResponse(problemResponse(400, "bad_request", { detail: "The body is not JSON." }));
    }
    const bodyNul = nulCharacterPath(body);
    if (bodyNul) return fromResponse(nulProblem("body", bodyNul));
    const parsed = options.body.safeParse(body);
    if (!parsed.success) {
      // Well-formed values that a rule refuses (e.g. 1980-02-31) are 422; anything malformed makes it a 400.
      const refused = parsed.error.issues.every((issue) => issue.code === "custom" && issue.params?.status === 422);
      const errors = zodProblems(parsed.error);
      if (refused) return fromResponse(problemResponse(422, "validation", { detail: "A value is well-formed but not acceptable.", errors }));
      return fromResponse(problemResponse(400, "bad_request", { detail: "The body does not match its schema.", errors }));
    }
    body = parsed.data;
  } else if (options.form && form) {
    const fields = Object.fromEntries(form);
    const formNul = nulCharacterPath(Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === "string")));
    if (formNul) return fromResponse(nulProblem("body", formNul));
    const parsed = options.form.safeParse(fields);
    if (!parsed.success) return fromResponse(problemResponse(400, "bad_request", { detail: "The form does not match its schema.", errors: zodProblems(parsed.error) }));
    body = parsed.data;
  }
  let query: unknown;
  if (options.query) {
    const entries = Object.fromEntries(url.searchParams);
    const queryNul = nulCharacterPath(entries);
    if (queryNul) return fromResponse(nulProblem("query", queryNul));
    const parsed = options.query.safeParse(entries);
    if (!parsed.success) return fromResponse(problemResponse(400, "bad_request", { detail: "The query does not match its schema.", errors: zodProblems(parsed.error) }));
    query = parsed.data;
  }
  try {
    const result = await options.handler({ principal, params, body: body as B, rawBody, query: query as Q, request });
    if (result instanceof Response) return { status: result.status, body: "", response: result };
    return { status: result.status, body: JSON.stringify(result.body ?? null), headers: result.headers };
  } catch (error) {
    return fromResponse(problemFromError(error));
  }
}
