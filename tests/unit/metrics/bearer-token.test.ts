// The /metrics token check: only `Bearer <METRICS_TOKEN>` exactly.
import { describe, expect, it } from "vitest";
import { hasBearerToken } from "@/lib/metrics/bearer-token";

const token = "m".repeat(20) + "0123456789abcdef";

describe("hasBearerToken", () => {
  it.each([
    [`Bearer ${token}`],
    [`bearer ${token}`],
    [`BEARER  ${token} `],
  ])("accepts %j", (header) => {
    expect(hasBearerToken(header, token)).toBe(true);
  });

  it.each([
    ["no header", undefined],
    ["empty", ""],
    ["the token without the scheme", token],
    ["another scheme", `Basic ${token}`],
    ["a wrong token", `Bearer ${"x".repeat(token.length)}`],
    ["a prefix of the token", `Bearer ${token.slice(0, -1)}`],
    ["the token and more", `Bearer ${token}x`],
    ["the token twice", `Bearer ${token} ${token}`],
    ["an empty token", "Bearer "],
    ["repeated headers", [`Bearer ${token}`, `Bearer ${token}`]],
  ] as const)("refuses %s", (_, header) => {
    expect(hasBearerToken(header as string | string[] | undefined, token)).toBe(false);
  });
});
