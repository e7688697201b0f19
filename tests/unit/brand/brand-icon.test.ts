// The favicon follows the brand: the layout links /brand-icon, which serves BRAND_FAVICON_URL's file
// from DATA_DIR, or else the brand's initial on BRAND_COLOR; an external URL is linked as it is.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/brand-icon/route";
import { brandImageOrigins } from "@/lib/brand/logo-origin";
import { getBrand } from "@/lib/brand/get-brand";
import { overrideConfig } from "@/lib/config";

const dataDir = mkdtempSync(path.join(tmpdir(), "omadata-favicon-"));
// The smallest PNG: its signature is enough for a browser to take it as one.
const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");

afterEach(() => {
  overrideConfig({});
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the favicon", () => {
  it("is generated from the brand when none is configured: the initial, in the text colour, on BRAND_COLOR", async () => {
    overrideConfig({ BRAND_NAME: "kahvila Oy", BRAND_COLOR: "#ffcc00", DATA_DIR: dataDir });
    expect(getBrand().favicon).toEqual({ url: "/brand-icon", type: "image/svg+xml" });
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    const svg = await response.text();
    expect(svg).toContain('fill="#ffcc00"');
    expect(svg).toContain('fill="#1b1f24"');
    expect(svg).toMatch(/>K<\/text>/);
  });

  it("is the demo brand's teal by default", async () => {
    overrideConfig({ DATA_DIR: dataDir });
    const svg = await (await GET()).text();
    expect(svg).toContain('fill="#0e6074"');
    expect(svg).toMatch(/>O<\/text>/);
  });

  it("serves the company's own file from DATA_DIR with its image type", async () => {
    writeFileSync(path.join(dataDir, "kahvila.png"), png);
    overrideConfig({ BRAND_FAVICON_URL: "kahvila.png", DATA_DIR: dataDir });
    expect(getBrand().favicon).toEqual({ url: "/brand-icon", type: "image/png" });
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
  });

  it("answers 404 when the configured file is missing", async () => {
    overrideConfig({ BRAND_FAVICON_URL: "missing.ico", DATA_DIR: dataDir });
    expect((await GET()).status).toBe(404);
  });

  it("links an external URL as it is and allows its origin in the pages' img-src", () => {
    overrideConfig({ BRAND_FAVICON_URL: "https://cdn.example.com/icon.svg", BRAND_LOGO_URL: "https://img.example.net/logo.png", DATA_DIR: dataDir });
    expect(getBrand().favicon).toEqual({ url: "https://cdn.example.com/icon.svg", type: "image/svg+xml" });
    expect(brandImageOrigins()).toEqual(["https://img.example.net", "https://cdn.example.com"]);
  });
});
