// The OpenAPI document validates against the OpenAPI 3.1 schema and lists every route handler.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { apiRoutes } from "@/lib/api/api-routes";
import { callApi } from "../../support/api-server";

/** Every route.ts under app/api/v1 and the methods it exports, as OpenAPI paths. */
async function routeFiles(dir = "app/api/v1"): Promise<string[]> {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...(await routeFiles(full)));
    else if (name === "route.ts") {
      const routeModule = (await import(/* @vite-ignore */ path.resolve(full))) as Record<string, unknown>;
      const apiPath = `/${path.dirname(full).replace(/^app\//, "").replace(/\[(\w+)\]/g, "{$1}")}`;
      for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"]) if (method in routeModule) found.push(`${method} ${apiPath}`);
    }
  }
  return found;
}

describe("OpenAPI document", () => {
  it("is served at /api/v1/openapi.json and validates as OpenAPI 3.1", async () => {
    const response = await callApi(new Request("http://localhost/api/v1/openapi.json"));
    expect(response.status).toBe(200);
    const document = await response.json();
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("lists every route handler under app/api/v1, and nothing else", async () => {
    const document = await (await callApi(new Request("http://localhost/api/v1/openapi.json"))).json();
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`));
    const files = (await routeFiles()).filter((r) => r !== "GET /api/v1/openapi.json");
    expect(documented.sort()).toEqual(files.sort());
    expect(documented).toHaveLength(Object.keys(apiRoutes).length);
  });

  it("documents each operation's scopes, body and problems", async () => {
    const document = await (await callApi(new Request("http://localhost/api/v1/openapi.json"))).json();
    const check = document.paths["/api/v1/consents/check"].post;
    expect(check["x-scopes"]).toEqual(["consents:read"]);
    // The handler requires exactly one of eventId/requestId; the document must say so.
    expect(document.paths["/api/v1/acknowledgements"].post.requestBody.content["application/json"].schema.oneOf).toEqual([{ required: ["eventId"] }, { required: ["requestId"] }]);
    expect(check.requestBody.content["application/json"].schema.properties.persons.maxItems).toBe(1000);
    expect(check.responses["400"].$ref).toBe("#/components/responses/WriteProblem");
    expect(check.responses["429"].headers["Retry-After"]).toBeDefined();
    expect(document.components.responses.WriteProblem.headers["Idempotent-Replayed"]).toBeDefined();
    expect(check.parameters).toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
  });
});
