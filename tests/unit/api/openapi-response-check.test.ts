// The response check the API client runs on every answer must itself refuse what the document does not declare.
import { describe, expect, it } from "vitest";
import { openApiDifferences } from "../../support/openapi-response-check";

const json = (extra: Record<string, string> = {}) => new Headers({ "content-type": "application/json", "cache-control": "no-store", ...extra });
const problem = new Headers({ "content-type": "application/problem+json" });
const validProblem = { type: "http://localhost/api-docs#problem-not_found", title: "Not found", status: 404 };

describe("OpenAPI response check", () => {
  it("accepts a declared answer with a valid body", () => {
    expect(openApiDifferences("POST", "/api/v1/persons/p1/external-ids", { status: 201, headers: json(), body: { system: "crm", externalId: "1", linked: true } })).toEqual([]);
    expect(openApiDifferences("GET", "/api/v1/persons/p1", { status: 404, headers: problem, body: validProblem })).toEqual([]);
  });

  it("refuses a status the operation does not declare", () => {
    const differences = openApiDifferences("GET", "/api/v1/persons/p1", { status: 418, headers: problem, body: validProblem });
    expect(differences.join()).toMatch(/status not declared/);
  });

  it("refuses a body that does not match the declared schema, problems included", () => {
    const body = openApiDifferences("POST", "/api/v1/persons/p1/external-ids", { status: 201, headers: json(), body: { system: "crm", linked: "yes" } });
    expect(body.join("\n")).toMatch(/required.*externalId/);
    expect(body.join("\n")).toMatch(/\/linked must be boolean/);
    const badProblem = openApiDifferences("GET", "/api/v1/persons/p1", { status: 404, headers: problem, body: { title: "Not found" } });
    expect(badProblem.join()).toMatch(/required/);
  });

  it("refuses a header the response does not declare", () => {
    const differences = openApiDifferences("POST", "/api/v1/persons/p1/external-ids", { status: 201, headers: json({ "x-surprise": "1" }), body: { system: "crm", externalId: "1", linked: true } });
    expect(differences.join()).toMatch(/header x-surprise not declared/);
  });

  it("refuses an operation the document does not have", () => {
    expect(openApiDifferences("DELETE", "/api/v1/persons/p1", { status: 204, headers: new Headers(), body: null }).join()).toMatch(/not in the document/);
  });
});
