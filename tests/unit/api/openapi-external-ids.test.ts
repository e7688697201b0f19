// The OpenAPI document tells integrators that externalIds lists every id per system, on persons
// and in webhook bodies, and that this changed from a single string.
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/build-openapi-document";

type Schema = { properties: Record<string, { type?: string; additionalProperties?: { type: string; items: { type: string } }; description?: string }> };

describe("externalIds in the OpenAPI document", () => {
  const document = buildOpenApiDocument("http://localhost:3000") as unknown as {
    info: { version: string; description: string };
    paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema & { properties: { items?: { items: Schema } } } }> }> }>>;
    webhooks: Record<string, { post: { requestBody: { content: Record<string, { schema: Schema }> } } }>;
  };
  const listOfIds = { type: "array", items: { type: "string" } };

  it("is a map of system → list of ids on GET /persons/{id} and GET /persons, described as a change", () => {
    const one = document.paths["/api/v1/persons/{id}"]!.get!.responses["200"]!.content!["application/json"]!.schema.properties.externalIds!;
    expect(one).toMatchObject({ type: "object", additionalProperties: listOfIds });
    expect(one.description).toContain("used to be a single string");
    const page = document.paths["/api/v1/persons"]!.get!.responses["200"]!.content!["application/json"]!.schema;
    expect((page.properties.items as unknown as { items: Schema }).items.properties.externalIds).toMatchObject({ additionalProperties: listOfIds });
    expect(document.info.version).toBe("1.1.0");
    expect(document.info.description).toContain("Changes in 1.1.0");
  });

  it("says on each person path and person reference that a merged person's id still works", () => {
    const pathOps = Object.entries(document.paths).filter(([p]) => p.startsWith("/api/v1/persons/{id}")).flatMap(([, ops]) => Object.values(ops));
    expect(pathOps.length).toBeGreaterThanOrEqual(5);
    for (const op of pathOps as unknown as { parameters: { name?: string; description?: string }[] }[]) {
      expect(op.parameters.find((p) => p.name === "id")?.description).toContain("merged");
    }
  });

  it("documents every webhook body (one per event type) with the same externalIds", () => {
    expect(Object.keys(document.webhooks)).toContain("person.updated");
    for (const [type, entry] of Object.entries(document.webhooks)) {
      const body = entry.post.requestBody.content["application/json"]!.schema;
      expect(Object.keys(body.properties).sort(), type).toEqual(["data", "externalIds", "id", "occurredAt", "personId", "sequence", "type"]);
      expect(body.properties.externalIds, type).toMatchObject({ additionalProperties: listOfIds });
    }
  });
});
