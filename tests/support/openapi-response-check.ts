// Checks an API answer against the OpenAPI document, so the document and the code cannot drift:
// the status is declared for the operation, the body is valid against the declared schema (JSON
// Schema 2020-12, OpenAPI 3.1's dialect) and every header sent is declared for that response.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { buildOpenApiDocument } from "@/lib/api/build-openapi-document";

type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
interface ResponseObject {
  $ref?: string;
  content?: Record<string, { schema?: unknown }>;
  headers?: Record<string, unknown>;
}

/**
 * Headers HTTP itself defines for any response, not part of an operation's contract: the media type
 * (OpenAPI ignores a declared Content-Type), length, caching and the site-wide security headers.
 */
const GENERIC_HEADERS = new Set([
  "content-type", "content-length", "cache-control", "vary", "date",
  "x-content-type-options", "x-frame-options", "referrer-policy", "content-security-policy",
  "strict-transport-security", "permissions-policy", "cross-origin-opener-policy", "cross-origin-resource-policy",
]);

let cached: { document: OpenApiDocument; ajv: Ajv2020; validators: Map<string, ValidateFunction> } | null = null;

function load() {
  if (cached) return cached;
  const document = buildOpenApiDocument("http://localhost");
  // strict: false because the document also holds OpenAPI keywords around its schemas.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema(document as object, "openapi");
  cached = { document, ajv, validators: new Map() };
  return cached;
}

const pointer = (parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

/** The document's path template for a concrete path, e.g. /api/v1/persons/{id}. */
function templateFor(document: OpenApiDocument, pathname: string): string | null {
  for (const template of Object.keys(document.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, "[^/]+")}$`);
    if (pattern.test(pathname)) return template;
  }
  return null;
}

/** The differences between an answer and the document; empty when the answer is as documented. */
export function openApiDifferences(method: string, url: string, response: { status: number; headers: Headers; body: unknown }): string[] {
  const { document, ajv, validators } = load();
  const pathname = new URL(url, "http://localhost").pathname;
  if (pathname === "/api/v1/openapi.json") return [];
  const template = templateFor(document, pathname);
  const operation = template ? (document.paths[template]![method.toLowerCase()] as { responses: Record<string, ResponseObject> } | undefined) : undefined;
  const where = `${method} ${pathname} → ${response.status}`;
  if (!template || !operation) return [`${where}: the operation is not in the document`];
  let declared = operation.responses[String(response.status)];
  if (!declared) return [`${where}: status not declared (declared: ${Object.keys(operation.responses).join(", ")})`];
  if (declared.$ref) declared = (document.components.responses as Record<string, ResponseObject>)[declared.$ref.split("/").pop()!]!;
  const problems: string[] = [];

  for (const name of response.headers.keys()) {
    const header = name.toLowerCase();
    if (GENERIC_HEADERS.has(header)) continue;
    const known = Object.keys(declared.headers ?? {}).some((h) => h.toLowerCase() === header);
    if (!known) problems.push(`${where}: header ${name} not declared`);
  }

  const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
  const content = declared.content ?? {};
  if (response.body === null && !Object.keys(content).length) return problems;
  if (!(mediaType in content)) return [...problems, `${where}: media type ${mediaType || "(none)"} not declared (declared: ${Object.keys(content).join(", ")})`];
  const ref = operation.responses[String(response.status)]!.$ref;
  const schemaPath = ref
    ? `${ref}/content/${pointer([mediaType])}/schema`
    : `#/${pointer(["paths", template, method.toLowerCase(), "responses", String(response.status), "content", mediaType, "schema"])}`;
  let validate = validators.get(schemaPath);
  if (!validate) {
    validate = ajv.compile({ $ref: `openapi${schemaPath}` });
    validators.set(schemaPath, validate);
  }
  if (!validate(response.body)) {
    for (const error of validate.errors ?? []) problems.push(`${where}: body${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
  }
  return problems;
}

/** Throws, naming every difference, when an answer is not as the document declares it. */
export function assertAnswerMatchesOpenApi(method: string, url: string, response: { status: number; headers: Headers; body: unknown }) {
  const differences = openApiDifferences(method, url, response);
  if (differences.length) throw new Error(`The answer differs from the OpenAPI document:\n${differences.join("\n")}`);
}

/**
 * The differences between a webhook as sent and the document's `webhooks` entry for its event
 * type: the entry exists, every declared header is there and valid, and the body is valid.
 */
export function webhookDifferences(request: { headers: Record<string, string | string[] | undefined>; body: string }): string[] {
  const { document, ajv, validators } = load();
  let body: { type?: unknown };
  try {
    body = JSON.parse(request.body);
  } catch {
    return ["webhook: the body is not JSON"];
  }
  const type = String(body.type);
  const webhooks = document.webhooks as Record<string, { post: { parameters: { name: string; schema: object; required?: boolean }[] } }>;
  const entry = webhooks[type]?.post;
  if (!entry) return [`webhook ${type}: not in the document's webhooks`];
  const problems: string[] = [];
  const check = (key: string, schema: object | string, value: unknown, what: string) => {
    let validate = validators.get(key);
    if (!validate) {
      validate = typeof schema === "string" ? ajv.compile({ $ref: schema }) : ajv.compile(schema);
      validators.set(key, validate);
    }
    if (!validate(value)) for (const error of validate.errors ?? []) problems.push(`webhook ${type}: ${what}${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
  };
  for (const header of entry.parameters) {
    const value = request.headers[header.name.toLowerCase()];
    if (value === undefined) {
      if (header.required) problems.push(`webhook ${type}: header ${header.name} missing`);
      continue;
    }
    check(`webhook-header:${type}:${header.name}`, header.schema, value, `header ${header.name}`);
  }
  check(`webhook-body:${type}`, `openapi#/${pointer(["webhooks", type, "post", "requestBody", "content", "application/json", "schema"])}`, body, "body");
  return problems;
}
