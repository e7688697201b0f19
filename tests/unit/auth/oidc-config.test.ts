import { describe, expect, it } from "vitest";
import { ConfigError, configWarnings, parseConfig } from "@/lib/config";

const OIDC = {
  OIDC_ISSUER: "https://login.example.com/tenant/v2.0",
  OIDC_CLIENT_ID: "omadata",
  OIDC_CLIENT_SECRET: "client-secret",
  OIDC_ROLE_MAP: "omadata-admins=ADMIN,privacy=PRIVACY_OFFICER,support=SUPPORT",
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

describe("staff sign-in (OIDC) configuration", () => {
  it("is off without OIDC_*, and STAFF_SSO_ONLY is off by default", () => {
    expect(parseConfig({})).toMatchObject({ oidc: null, STAFF_SSO_ONLY: false });
  });

  it("parses the settings, with groups as the default claim", () => {
    const config = parseConfig({ ...OIDC, STAFF_SSO_ONLY: "true" });
    expect(config.oidc).toEqual({
      issuer: OIDC.OIDC_ISSUER,
      clientId: "omadata",
      clientSecret: "client-secret",
      roleClaim: "groups",
      roleMap: { "omadata-admins": "ADMIN", privacy: "PRIVACY_OFFICER", support: "SUPPORT" },
    });
    expect(config.STAFF_SSO_ONLY).toBe(true);
    expect(parseConfig({ ...OIDC, OIDC_ROLE_CLAIM: "roles" }).oidc?.roleClaim).toBe("roles");
    expect(configWarnings(config)).toEqual([]);
  });

  it.each([
    ["OIDC_ISSUER", { OIDC_ISSUER: "http://login.example.com/tenant" }, "https://"],
    ["OIDC_ISSUER", { OIDC_ISSUER: "http://10.0.0.5:8080/realms/staff" }, "https://"],
    ["OIDC_ISSUER", { OIDC_ISSUER: "ftp://login.example.com" }, "https://"],
    ["OIDC_ISSUER", { OIDC_ISSUER: "not a url" }, "https://"],
    ["OIDC_ROLE_MAP", { OIDC_ROLE_MAP: "omadata-admins=SUPERUSER" }, "one of SUPPORT, PRIVACY_OFFICER, ADMIN"],
    ["OIDC_ROLE_MAP", { OIDC_ROLE_MAP: "omadata-admins" }, "value=ROLE"],
    ["OIDC_ROLE_CLAIM", { OIDC_ROLE_CLAIM: "  " }, "must name a claim"],
    ["STAFF_SSO_ONLY", { STAFF_SSO_ONLY: "maybe" }, "true or false"],
  ])("names %s when it is wrong (%j)", (variable, override, words) => {
    const problems = problemsOf({ ...OIDC, ...override });
    const problem = problems.find((p) => p.startsWith(`${variable}:`));
    expect(problem, problems.join("\n")).toContain(words);
  });

  it("names each missing companion when only some OIDC_* are set", () => {
    const problems = problemsOf({ OIDC_ISSUER: OIDC.OIDC_ISSUER, OIDC_CLIENT_ID: "omadata" });
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual(["OIDC_CLIENT_SECRET", "OIDC_ROLE_MAP"]);
  });

  it("refuses STAFF_SSO_ONLY without staff sign-in configured", () => {
    expect(problemsOf({ STAFF_SSO_ONLY: "true" })[0]).toMatch(/^STAFF_SSO_ONLY: needs staff sign-in configured/);
  });

  it.each(["http://127.0.0.1:4600", "http://localhost:4600/", "http://[::1]:4600"])("accepts the loopback http issuer %s, with a start-up warning", (issuer) => {
    const config = parseConfig({ ...OIDC, OIDC_ISSUER: issuer });
    expect(config.oidc?.issuer).toBe(issuer);
    expect(configWarnings(config)).toEqual([expect.stringMatching(/^OIDC_ISSUER: .* is plain http, accepted only because it is a loopback address/)]);
  });
});
