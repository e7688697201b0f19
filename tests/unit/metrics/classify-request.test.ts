// The latency histogram's labels: each request gets one of a few kinds, API requests their
// OpenAPI operationId matched by method and path template, never a raw path or an id.
import { describe, expect, it } from "vitest";
import { apiRoutes } from "@/lib/api/api-routes";
import { buildOpenApiDocument } from "@/lib/api/build-openapi-document";
import { classifyRequest, statusClassOf } from "@/lib/metrics/classify-request";

const id = "0194f0c2-7d3e-7a11-8b22-3c4d5e6f7a8b";

describe("classifyRequest", () => {
  it.each([
    ["GET", "/", {}, { kind: "page" }],
    ["GET", "/admin/persons?q=virtanen", {}, { kind: "page" }],
    ["HEAD", "/profile", {}, { kind: "page" }],
    ["GET", `/admin/requests/${id}`, { rsc: "1" }, { kind: "page" }],
    ["POST", "/profile", { "next-action": "7f3a9c" }, { kind: "action" }],
    ["POST", "/consents", { "content-type": "multipart/form-data; boundary=x" }, { kind: "action" }],
    ["POST", "/profile", { "content-type": "application/json" }, { kind: "other" }],
    ["DELETE", "/profile", {}, { kind: "other" }],
    ["GET", "/api/auth/session", {}, { kind: "auth" }],
    ["POST", "/api/auth/signin/nodemailer", { "content-type": "application/x-www-form-urlencoded" }, { kind: "auth" }],
    ["GET", "/api/health", {}, { kind: "other" }],
    ["POST", "/api/unsubscribe?token=abc", {}, { kind: "other" }],
    ["GET", "/_next/static/chunks/app.js", {}, { kind: "asset" }],
    ["GET", "/_next/image?url=%2Fbrand%2Flogo.png&w=64", {}, { kind: "asset" }],
    ["GET", "/favicon.ico", {}, { kind: "asset" }],
    ["GET", "/brand/logo.svg", {}, { kind: "asset" }],
    ["GET", `/api/v1/persons/${id}`, {}, { kind: "api", operation: "getPerson" }],
    ["PATCH", `/api/v1/persons/${id}`, {}, { kind: "api", operation: "correctPerson" }],
    ["GET", `/api/v1/persons/${id}/consents`, {}, { kind: "api", operation: "listPersonConsents" }],
    ["POST", "/api/v1/consents/check", { "content-type": "application/json" }, { kind: "api", operation: "checkConsents" }],
    ["POST", "/api/v1/consents", {}, { kind: "api", operation: "recordConsent" }],
    ["GET", "/api/v1/persons?email=a%40example.com", {}, { kind: "api", operation: "listPersons" }],
    ["HEAD", "/api/v1/events", {}, { kind: "api", operation: "listEvents" }],
    ["GET", `/api/v1/imports/${id}/refused`, {}, { kind: "api", operation: "listRefusedImportRows" }],
    ["DELETE", `/api/v1/persons/${id}`, {}, { kind: "api", operation: "unknown" }],
    ["GET", `/api/v1/persons/${id}/secrets`, {}, { kind: "api", operation: "unknown" }],
    ["GET", "/api/v1/openapi.json", {}, { kind: "api", operation: "unknown" }],
  ] as const)("%s %s %j → %j", (method, url, headers, expected) => {
    expect(classifyRequest(method, url, headers)).toEqual(expected);
  });

  it("names every operation of the OpenAPI document by its operationId", () => {
    const document = buildOpenApiDocument("http://localhost:3000") as { paths: Record<string, Record<string, { operationId: string }>> };
    const operations = Object.entries(document.paths).flatMap(([template, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path: template.replace(/\{[^}]+\}/g, id), operationId: operation.operationId })),
    );
    expect(operations).toHaveLength(Object.keys(apiRoutes).length);
    for (const { method, path, operationId } of operations) expect(classifyRequest(method, path, {})).toEqual({ kind: "api", operation: operationId });
  });

  it("keeps the labels few: whatever the paths and ids, only the kinds and the operation names", () => {
    const labels = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const random = Math.random().toString(36).slice(2);
      for (const url of [`/${random}`, `/admin/persons/${random}`, `/api/v1/persons/${random}`, `/api/v1/${random}`, `/api/${random}`, `/_next/${random}`])
        for (const method of ["GET", "POST", "PATCH"]) labels.add(JSON.stringify(classifyRequest(method, url, {})));
    }
    expect(labels.size).toBeLessThanOrEqual(10);
    for (const label of labels) expect(label).not.toMatch(/[0-9]{3}|persons\//);
  });
});

describe("statusClassOf", () => {
  it.each([
    [200, "2xx"],
    [204, "2xx"],
    [303, "3xx"],
    [404, "4xx"],
    [429, "4xx"],
    [503, "5xx"],
    [99, "other"],
    [600, "other"],
  ])("%i → %s", (status, expected) => {
    expect(statusClassOf(status)).toBe(expected);
  });
});
