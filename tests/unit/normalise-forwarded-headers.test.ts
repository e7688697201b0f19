import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import { normaliseForwardedHeaders, type ConnectionFacts } from "@/lib/runtime/normalise-forwarded-headers";

const forged: IncomingHttpHeaders = {
  host: "localhost:3000",
  "x-forwarded-for": "203.0.113.9",
  "x-forwarded-proto": "https",
  "x-forwarded-host": "evil.example",
  "x-forwarded-port": "443",
  [CLIENT_IP_HEADER]: "198.51.100.1",
};

function normalised(headers: IncomingHttpHeaders, facts: Partial<ConnectionFacts>) {
  const copy = { ...headers };
  normaliseForwardedHeaders(copy, { encrypted: false, remoteAddress: "10.0.0.5", trustProxy: false, ...facts });
  return copy;
}

describe("forwarding headers the server vouches for", () => {
  it("without a trusted proxy, a client's own X-Forwarded-* headers count for nothing", () => {
    const headers = normalised(forged, {});
    expect(headers["x-forwarded-proto"]).toBe("http");
    expect(headers[CLIENT_IP_HEADER]).toBe("10.0.0.5");
    expect(headers["x-forwarded-host"]).toBeUndefined();
    expect(headers["x-forwarded-port"]).toBeUndefined();
    expect(headers.host).toBe("localhost:3000");
  });

  it("a TLS connection is https whatever the client says", () => {
    expect(normalised({ "x-forwarded-proto": "http" }, { encrypted: true })["x-forwarded-proto"]).toBe("https");
  });

  it("behind a trusted proxy, its last hop's address and scheme are taken", () => {
    const headers = normalised({ ...forged, "x-forwarded-for": "203.0.113.9, 192.0.2.4", "x-forwarded-proto": "http, HTTPS" }, { trustProxy: true });
    expect(headers[CLIENT_IP_HEADER]).toBe("192.0.2.4");
    expect(headers["x-forwarded-proto"]).toBe("https");
    expect(headers["x-forwarded-host"]).toBe("evil.example");
  });

  it("behind a trusted proxy that says nothing (or nonsense), the socket decides", () => {
    const headers = normalised({ "x-forwarded-proto": "gopher" }, { trustProxy: true, encrypted: true });
    expect(headers["x-forwarded-proto"]).toBe("https");
    expect(headers[CLIENT_IP_HEADER]).toBe("10.0.0.5");
    expect(normalised({}, { trustProxy: true })["x-forwarded-proto"]).toBe("http");
  });
});
