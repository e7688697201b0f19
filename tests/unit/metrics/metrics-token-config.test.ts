// METRICS_TOKEN: optional (no /metrics without it), at least 32 characters, and a refusal names
// the variable without repeating the value.
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";

describe("METRICS_TOKEN", () => {
  it("is unset by default: /metrics is off", () => {
    expect(parseConfig({}).METRICS_TOKEN).toBeUndefined();
    expect(parseConfig({ METRICS_TOKEN: "" }).METRICS_TOKEN).toBeUndefined();
  });

  it("takes a token of 32 characters or more", () => {
    const token = "a1b2c3d4".repeat(4);
    expect(parseConfig({ METRICS_TOKEN: token }).METRICS_TOKEN).toBe(token);
  });

  it("refuses a shorter one, naming the variable but not the value", () => {
    const short = "short-metrics-token-31-chars-xx";
    expect(short).toHaveLength(31);
    let error: unknown;
    try {
      parseConfig({ METRICS_TOKEN: short });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^METRICS_TOKEN: must be at least 32 characters/)]);
    expect((error as ConfigError).message).not.toContain(short);
  });
});
