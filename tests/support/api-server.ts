// Serves the integration API's route handlers over real HTTP on 127.0.0.1, without Next.js:
// the handlers take a standard Request, so a tiny router is all that is needed (e.g. for the
// reference receiver, which acknowledges erasures through the API).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import * as acknowledgements from "@/app/api/v1/acknowledgements/route";
import * as consentCheck from "@/app/api/v1/consents/check/route";
import * as consents from "@/app/api/v1/consents/route";
import * as events from "@/app/api/v1/events/route";
import * as importRefused from "@/app/api/v1/imports/[id]/refused/route";
import * as importStatus from "@/app/api/v1/imports/[id]/route";
import * as imports from "@/app/api/v1/imports/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as personConsents from "@/app/api/v1/persons/[id]/consents/route";
import * as externalIds from "@/app/api/v1/persons/[id]/external-ids/route";
import * as interactions from "@/app/api/v1/persons/[id]/interactions/route";
import * as person from "@/app/api/v1/persons/[id]/route";
import * as persons from "@/app/api/v1/persons/route";
import * as unsubscribeTokens from "@/app/api/v1/unsubscribe-tokens/route";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import { assertAnswerMatchesOpenApi } from "./openapi-response-check";

/** Each route types its own params; the router passes whatever the path matched. */
type Handler = (request: Request, context: never) => Promise<Response> | Response;
type RouteModule = Partial<Record<"GET" | "POST" | "PATCH", Handler>>;

/** Path pattern → route module, as Next.js would route app/api/v1. */
export const apiRouteModules: [RegExp, RouteModule][] = [
  [/^\/api\/v1\/persons$/, persons],
  [/^\/api\/v1\/persons\/(?<id>[^/]+)$/, person],
  [/^\/api\/v1\/persons\/(?<id>[^/]+)\/external-ids$/, externalIds],
  [/^\/api\/v1\/persons\/(?<id>[^/]+)\/interactions$/, interactions],
  [/^\/api\/v1\/persons\/(?<id>[^/]+)\/consents$/, personConsents],
  [/^\/api\/v1\/consents$/, consents],
  [/^\/api\/v1\/consents\/check$/, consentCheck],
  [/^\/api\/v1\/acknowledgements$/, acknowledgements],
  [/^\/api\/v1\/unsubscribe-tokens$/, unsubscribeTokens],
  [/^\/api\/v1\/events$/, events],
  [/^\/api\/v1\/imports$/, imports],
  [/^\/api\/v1\/imports\/(?<id>[^/]+)$/, importStatus],
  [/^\/api\/v1\/imports\/(?<id>[^/]+)\/refused$/, importRefused],
  [/^\/api\/v1\/openapi\.json$/, openapi],
];

/**
 * Calls the route handler for a Request, as Next.js would. Every handler's answer is checked against
 * the OpenAPI document (a difference throws), so each integration test that calls the API checks it.
 */
export async function callApi(request: Request): Promise<Response> {
  const url = new URL(request.url);
  for (const [pattern, module] of apiRouteModules) {
    const match = pattern.exec(url.pathname);
    if (!match) continue;
    const handler = module[request.method as "GET"];
    if (!handler) return new Response(null, { status: 405 });
    const response = await handler(request, { params: Promise.resolve({ ...match.groups }) } as never);
    const text = await response.clone().text();
    const json = /json/.test(response.headers.get("content-type") ?? "");
    assertAnswerMatchesOpenApi(request.method, request.url, { status: response.status, headers: response.headers, body: text ? (json ? JSON.parse(text) : text) : null });
    return response;
  }
  return new Response(null, { status: 404 });
}

export async function startApiServer() {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      headers.set(CLIENT_IP_HEADER, req.socket.remoteAddress ?? "");
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const response = await callApi(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body }));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
