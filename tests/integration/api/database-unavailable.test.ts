// A database that cannot be reached (restarting, failing over) is a temporary condition: the API
// answers 503 problem+json with Retry-After, never a 500. The full restart-under-load scenario
// is `npm run bench:faults`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, installDatabase } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/connection";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { api } from "../../support/api-client";
import { freePort } from "../../support/http-servers";

beforeAll(async () => {
  // A real pool pointed at a port nothing listens on: every query fails to connect.
  installDatabase(await openDatabase({ databaseUrl: `postgresql://omadata@127.0.0.1:${await freePort()}/omadata` }));
});
afterAll(async () => closeDatabase());

describe("database unavailable", () => {
  it("answers 503 with Retry-After, as a problem, for a read and a write", async () => {
    for (const [method, path, body] of [
      ["GET", "/api/v1/persons?email=a%40example.com", undefined],
      ["PATCH", "/api/v1/persons/p-1", { observedAt: new Date().toISOString(), changes: { city: "Oulu" } }],
    ] as const) {
      const response = await api(method, path, { key: "omk_0123abcd_ABCDEFGHIJKLMNOPQRSTUVWXyz", body });
      expect(response.status).toBe(503);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(response.headers.get("retry-after")).toBe("5");
      expect(response.body).toMatchObject({ status: 503, title: "Temporarily unavailable" });
    }
  });

  it("tells a lost connection from a bad request", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("x", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) }))).toBe(true);
    // What a pooled pg client says when its server went away mid-transaction (seen in a restart).
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("unique"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("bad input"), { code: "22P02" }))).toBe(false);
  });
});
