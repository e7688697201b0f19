// The OpenAPI 3.1 document, generated from the route registry and its zod schemas (zod 4's
// z.toJSONSchema emits JSON Schema 2020-12, which is OpenAPI 3.1's schema dialect).
import { z } from "zod";
import { apiScopeDescriptions } from "../api-keys/scopes";
import { apiRoutes, type ApiRouteSpec } from "./api-routes";
import { buildWebhooksSection } from "./build-webhooks-section";
import { problemSchema } from "./schemas";

type JsonSchema = Record<string, unknown>;

/** A schema object without its own `$schema`: the document's dialect (JSON Schema 2020-12) applies. */
const toSchema = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  delete json.$schema;
  return json;
};

const problemRef = { $ref: "#/components/responses/Problem" };
/** A write's answers, problems included, may be replays of the first answer to its Idempotency-Key. */
const writeProblemRef = { $ref: "#/components/responses/WriteProblem" };
const replayedHeader = { "Idempotent-Replayed": { $ref: "#/components/headers/IdempotentReplayed" } };
const problemContent = { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } };
/** Problems that carry their own headers (never replayed: they come before the key is claimed, or free it). */
const problemsWithHeaders: Record<string, { headers: Record<string, unknown> }> = {
  "401": { headers: { "WWW-Authenticate": { description: "`Bearer`", schema: { type: "string" } } } },
  "429": { headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } } },
  "503": { headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } } },
};
const problemStatuses: Record<string, string> = {
  "400": "Malformed body or query (problem+json with `errors`); nothing was written",
  "401": "Missing, unknown or revoked API key",
  "403": "The key lacks a scope",
  "404": "Not found",
  "409": "Conflict",
  "422": "A well-formed value that a rule refuses (e.g. a birth date that does not exist or is in the future, or the time of a past event later than now plus 5 minutes of clock skew; `errors` names the field), or an Idempotency-Key reused with another body; nothing was written",
  "429": "Rate limited; see Retry-After",
  "503": "The database cannot be reached just now; retry after Retry-After seconds",
};

function parameters(spec: ApiRouteSpec) {
  const personPath = spec.path.startsWith("/api/v1/persons/{id}");
  const path = [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1]!, in: "path", required: true, schema: { type: "string" },
    ...(personPath && m[1] === "id" ? { description: "The person's id. The id of a person merged into another still works: it reads and changes the survivor." } : {}),
  }));
  const query: unknown[] = [];
  if (spec.query) {
    const schema = toSchema(spec.query, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const { description, ...rest } = property;
      query.push({ name, in: "query", required: schema.required?.includes(name) ?? false, schema: rest, ...(description ? { description } : {}) });
    }
  }
  const idempotency = spec.method === "GET" ? [] : [{ $ref: "#/components/parameters/IdempotencyKey" }];
  return [...path, ...query, ...idempotency];
}

function operation(operationId: string, spec: ApiRouteSpec) {
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(spec.responses)) {
    const description = status === "201" ? "Created" : status === "202" ? "Accepted" : "OK";
    const headers = {
      ...(spec.method === "GET" ? {} : replayedHeader),
      ...(status === "202" ? { Location: { description: "Where to follow the accepted job.", schema: { type: "string" } } } : {}),
      ...(spec.produces ? { "Content-Disposition": { description: "`attachment` with a file name.", schema: { type: "string" } } } : {}),
    };
    responses[status] = { description, ...(Object.keys(headers).length ? { headers } : {}), content: { [spec.produces ?? "application/json"]: { schema: toSchema(schema, "output") } } };
  }
  for (const [status, description] of Object.entries(problemStatuses)) {
    if (spec.method === "GET" && (status === "409" || status === "422")) continue;
    const own = problemsWithHeaders[status];
    responses[status] = own ? { description, headers: own.headers, content: problemContent } : { ...(spec.method === "GET" ? problemRef : writeProblemRef), description };
  }
  for (const [status, description] of Object.entries(spec.problems ?? {})) responses[status] = { ...(spec.method === "GET" ? problemRef : writeProblemRef), description };
  return {
    operationId,
    summary: spec.summary,
    description: `Scopes: ${spec.scopes.map((s) => `\`${s}\``).join(", ")}.`,
    tags: [spec.path.split("/")[3]!],
    security: [{ apiKey: spec.scopes }],
    "x-scopes": spec.scopes,
    parameters: parameters(spec),
    ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(spec.body, "input") } } } } : {}),
    ...(spec.form ? { requestBody: { required: true, content: { "multipart/form-data": { schema: toSchema(spec.form, "input") } } } } : {}),
    responses,
  };
}

export function buildOpenApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, spec] of Object.entries(apiRoutes) as [string, ApiRouteSpec][]) {
    paths[spec.path] ??= {};
    paths[spec.path]![spec.method.toLowerCase()] = operation(operationId, spec);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Omadata integration API",
      version: "1.1.0",
      description:
        "For connected systems: look persons up, correct them, report interactions, check and record consents, acknowledge erasures. Errors are RFC 9457 problem+json.\n\n" +
        "Changes in 1.1.0: `externalIds` (on persons and in webhook bodies) maps each system to a sorted list of ids, `{ \"crm\": [\"100005\", \"200011\"] }`, " +
        "instead of one string, since a system may hold several ids for one person. A merged person's id keeps working on every path that takes a person id: " +
        "it answers (and changes) the person it was merged into, whose id the answers carry.",
    },
    servers: [{ url: serverUrl }],
    paths,
    // One entry per event type, named by it: what each webhook body holds.
    webhooks: buildWebhooksSection(toSchema),
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", bearerFormat: "omk_<prefix>_<secret>", description: `Scopes: ${Object.entries(apiScopeDescriptions).map(([s, d]) => `${s} — ${d}`).join(" ")}` },
      },
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 255 },
          description: "The first answer is replayed for 24 hours to any retry with the same key (header Idempotent-Replayed: true).",
        },
      },
      schemas: { Problem: toSchema(problemSchema, "output") },
      headers: {
        RetryAfter: { description: "Seconds to wait before retrying.", schema: { type: "string", pattern: "^[0-9]+$" } },
        IdempotentReplayed: { description: "`true` when this is the stored first answer to the request's Idempotency-Key.", schema: { type: "string", enum: ["true"] } },
      },
      responses: {
        Problem: { description: "A problem", content: problemContent },
        WriteProblem: { description: "A problem (a replay of the first answer to an Idempotency-Key says so)", headers: replayedHeader, content: problemContent },
      },
    },
  };
}
