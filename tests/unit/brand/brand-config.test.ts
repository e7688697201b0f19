import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { brandOf } from "@/lib/brand/get-brand";
import { ConfigError, parseConfig } from "@/lib/config";

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

describe("brand configuration", () => {
  it("ships the demo brand when nothing is set", () => {
    const brand = brandOf(parseConfig({}));
    expect(brand).toEqual({
      name: "Omadata Demo",
      logoUrl: "/brand/omadata-logo.svg",
      color: "#0e6074",
      onColor: "#ffffff",
      accent: "#0e6074",
      privacyPolicyUrl: "http://localhost:3000/privacy",
      supportEmail: "privacy@example.com",
      favicon: { url: "/brand-icon", type: "image/svg+xml" },
    });
  });

  it("takes the company's name, colour, logo, privacy policy and support contact", () => {
    const config = parseConfig({
      BRAND_NAME: "Kahvila Oy",
      BRAND_COLOR: "#FFCC00",
      BRAND_LOGO_URL: "https://cdn.example.com/logo.svg",
      PRIVACY_POLICY_URL: "https://example.com/tietosuoja",
      SUPPORT_EMAIL: "tuki@example.com",
    });
    expect(brandOf(config)).toMatchObject({
      name: "Kahvila Oy",
      color: "#ffcc00",
      // Yellow: dark text on it, and links in the text colour rather than faint yellow.
      onColor: "#1b1f24",
      accent: "#1b1f24",
      logoUrl: "https://cdn.example.com/logo.svg",
      privacyPolicyUrl: "https://example.com/tietosuoja",
      supportEmail: "tuki@example.com",
    });
  });

  it("serves a logo file from DATA_DIR at /brand-logo, absolute for emails", () => {
    const config = parseConfig({ BRAND_LOGO_URL: "logo.png", APP_URL: "https://portal.example.com" });
    expect(brandOf(config).logoUrl).toBe("/brand-logo");
    expect(brandOf(config, { absolute: true }).logoUrl).toBe("https://portal.example.com/brand-logo");
    expect(brandOf(parseConfig({ APP_URL: "https://portal.example.com" }), { absolute: true }).logoUrl).toBe("https://portal.example.com/brand/omadata-logo.svg");
  });

  it("takes a favicon file from DATA_DIR (served at /brand-icon) or an external URL (allowed in img-src)", () => {
    expect(brandOf(parseConfig({ BRAND_FAVICON_URL: "kahvila.png" })).favicon).toEqual({ url: "/brand-icon", type: "image/png" });
    expect(brandOf(parseConfig({ BRAND_FAVICON_URL: "favicon.ico" })).favicon).toEqual({ url: "/brand-icon", type: "image/x-icon" });
    expect(brandOf(parseConfig({ BRAND_FAVICON_URL: "https://cdn.example.com/icon.svg?v=2" })).favicon).toEqual({ url: "https://cdn.example.com/icon.svg?v=2", type: "image/svg+xml" });
    expect(brandOf(parseConfig({ BRAND_FAVICON_URL: "https://cdn.example.com/icon" })).favicon).toEqual({ url: "https://cdn.example.com/icon" });
  });

  it("refuses a brand colour no text reads on, naming BRAND_COLOR and the contrast", () => {
    const [problem] = problems({ BRAND_COLOR: "#808080" });
    expect(problem).toMatch(/^BRAND_COLOR: /);
    expect(problem).toContain("4.5:1");
    expect(problem).toContain("#808080");
  });

  it.each([
    ["BRAND_COLOR", { BRAND_COLOR: "teal" }],
    ["BRAND_COLOR", { BRAND_COLOR: "#ff0000" }],
    ["BRAND_LOGO_URL", { BRAND_LOGO_URL: "../secrets.json" }],
    ["BRAND_LOGO_URL", { BRAND_LOGO_URL: "images/logo.png" }],
    ["BRAND_LOGO_URL", { BRAND_LOGO_URL: "javascript:alert(1)" }],
    ["BRAND_LOGO_URL", { BRAND_LOGO_URL: "logo.exe" }],
    ["BRAND_FAVICON_URL", { BRAND_FAVICON_URL: "../favicon.ico" }],
    ["BRAND_FAVICON_URL", { BRAND_FAVICON_URL: "icons/favicon.png" }],
    ["BRAND_FAVICON_URL", { BRAND_FAVICON_URL: "favicon.gif" }],
    ["BRAND_FAVICON_URL", { BRAND_FAVICON_URL: "data:image/svg+xml,<svg/>" }],
    ["SUPPORT_EMAIL", { SUPPORT_EMAIL: "support" }],
  ])("refuses a bad %s: %j", (variable, env) => {
    expect(problems(env).some((p) => p.startsWith(`${variable}: `))).toBe(true);
  });
});

describe("start-up with an unreadable BRAND_COLOR", () => {
  it("`npm start` stops before building, naming BRAND_COLOR", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "omadata-brand-"));
    try {
      const env: Record<string, string | undefined> = { ...process.env, BRAND_COLOR: "#808080", DATA_DIR: dataDir, NEXT_DIST_DIR: ".next-never-built" };
      delete env.DATABASE_URL;
      const child = spawnSync("npx", ["tsx", "scripts/start.ts"], { cwd: process.cwd(), env: env as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000 });
      expect(child.status).toBe(78);
      expect(child.stderr).toContain("BRAND_COLOR: #808080 is unreadable");
      expect(child.stdout).not.toContain("Building");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
