import { describe, expect, it } from "vitest";
import { claimValues, parseOidcRoleMap, roleFromClaims } from "@/lib/auth/oidc-role-map";

describe("parseOidcRoleMap", () => {
  it("reads value=ROLE pairs, spaces around them ignored", () => {
    expect(parseOidcRoleMap(" omadata-admins=ADMIN, privacy=PRIVACY_OFFICER,support=SUPPORT ,")).toEqual({
      ok: true,
      map: { "omadata-admins": "ADMIN", privacy: "PRIVACY_OFFICER", support: "SUPPORT" },
    });
  });

  it("splits at the last = so a value may contain one, and takes GUIDs as they are", () => {
    expect(parseOidcRoleMap("a=b=ADMIN,6f1c2b1e-0000-4000-8000-000000000001=SUPPORT")).toEqual({
      ok: true,
      map: { "a=b": "ADMIN", "6f1c2b1e-0000-4000-8000-000000000001": "SUPPORT" },
    });
  });

  it.each([
    ["", "at least one"],
    [" , ", "at least one"],
    ["admins", "value=ROLE"],
    ["=ADMIN", "value=ROLE"],
    ["admins=admin", "one of SUPPORT, PRIVACY_OFFICER, ADMIN"],
    ["admins=CUSTOMER", "one of SUPPORT, PRIVACY_OFFICER, ADMIN"],
    ["admins=ADMIN,admins=SUPPORT", "mapped twice"],
  ])("refuses %j", (text, message) => {
    const parsed = parseOidcRoleMap(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.message).toContain(message);
  });
});

describe("roleFromClaims", () => {
  const map = { "omadata-admins": "ADMIN", privacy: "PRIVACY_OFFICER", support: "SUPPORT" } as const;

  it("takes the highest role any value maps to, whatever the order", () => {
    expect(roleFromClaims({ groups: ["support", "other", "omadata-admins", "privacy"] }, "groups", map)).toBe("ADMIN");
    expect(roleFromClaims({ groups: ["privacy", "support"] }, "groups", map)).toBe("PRIVACY_OFFICER");
    expect(roleFromClaims({ groups: ["support"] }, "groups", map)).toBe("SUPPORT");
  });

  it("maps nothing when no value is mapped, the claim is missing or empty, or only the case differs", () => {
    expect(roleFromClaims({ groups: ["everyone"] }, "groups", map)).toBeNull();
    expect(roleFromClaims({ groups: [] }, "groups", map)).toBeNull();
    expect(roleFromClaims({}, "groups", map)).toBeNull();
    expect(roleFromClaims({ groups: ["Omadata-Admins"] }, "groups", map)).toBeNull();
    expect(roleFromClaims({ roles: ["omadata-admins"] }, "groups", map)).toBeNull();
  });

  it("ignores names an object has by inheritance", () => {
    expect(roleFromClaims({ groups: ["constructor", "toString", "__proto__"] }, "groups", map)).toBeNull();
  });

  it("reads a single string, a URL-like claim name, and a dotted path into nested claims", () => {
    expect(roleFromClaims({ roles: "privacy" }, "roles", map)).toBe("PRIVACY_OFFICER");
    expect(roleFromClaims({ "https://omadata.example/roles": ["support"] }, "https://omadata.example/roles", map)).toBe("SUPPORT");
    expect(roleFromClaims({ realm_access: { roles: ["omadata-admins"] } }, "realm_access.roles", map)).toBe("ADMIN");
  });

  it("keeps only the string values of an array", () => {
    expect(claimValues({ groups: ["a", 1, null, { x: 1 }, "b"] }, "groups")).toEqual(["a", "b"]);
    expect(claimValues({ groups: 42 }, "groups")).toEqual([]);
  });
});
