// What kind of request an HTTP request is, for the latency histogram's labels: a handful of
// kinds and the integration API's operation names, never a raw path or an id, so the number of
// series stays small whatever clients ask for.
import { apiRoutes, type ApiRouteSpec } from "../api/api-routes";

export type RouteKind = "page" | "action" | "api" | "auth" | "asset" | "other";

export interface RequestClass {
  kind: RouteKind;
  /** For kind "api": the OpenAPI operationId, or "unknown" for a path and method no operation has. */
  operation?: string;
}

export const UNKNOWN_OPERATION = "unknown";

/** Each API operation's method and path template ({id} → one path segment) as a pattern. */
const operations = (Object.entries(apiRoutes) as [string, ApiRouteSpec][]).map(([operationId, spec]) => ({
  operationId,
  method: spec.method,
  pattern: new RegExp(`^${spec.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^/}]+\}/g, "[^/]+")}$`),
}));

/** The operationId of an /api/v1 request, matched by method (HEAD as GET) and path template. */
export function apiOperationOf(method: string, pathname: string): string {
  const asked = method === "HEAD" ? "GET" : method;
  return operations.find((o) => o.method === asked && o.pattern.test(pathname))?.operationId ?? UNKNOWN_OPERATION;
}

/**
 * Classifies a request by method, path and headers, as Next.js would route it: a POST with a
 * `Next-Action` header (or a no-JavaScript multipart form post) to a page is a server action,
 * as proxy.ts takes it too.
 */
export function classifyRequest(method: string, url: string, headers: { [name: string]: string | string[] | undefined }): RequestClass {
  const pathname = pathOf(url);
  if (pathname.startsWith("/api/v1/")) return { kind: "api", operation: apiOperationOf(method, pathname) };
  if (pathname === "/api/auth" || pathname.startsWith("/api/auth/")) return { kind: "auth" };
  if (pathname === "/api" || pathname.startsWith("/api/")) return { kind: "other" };
  if (pathname.startsWith("/_next/") || /\.[a-z0-9]+$/i.test(pathname)) return { kind: "asset" };
  if (method === "POST") {
    const contentType = String(headers["content-type"] ?? "").toLowerCase();
    if (headers["next-action"] !== undefined || contentType.startsWith("multipart/form-data")) return { kind: "action" };
    return { kind: "other" };
  }
  return method === "GET" || method === "HEAD" ? { kind: "page" } : { kind: "other" };
}

function pathOf(url: string): string {
  try {
    return new URL(url, "http://localhost").pathname;
  } catch {
    return "/";
  }
}

/** "2xx" … "5xx" ("other" for anything outside 100–599). */
export function statusClassOf(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : "other";
}
