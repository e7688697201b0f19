import { expect, test } from "@playwright/test";

// The page icon follows the brand: every page links /brand-icon, which the browser tests' server
// (no BRAND_* set) answers with the demo brand's initial on its teal. Other brands: tests/unit/brand/brand-icon.test.ts.
test("every page links the brand's favicon, which answers as an image in the brand colour", async ({ page }) => {
  for (const path of ["/signin", "/api-docs"]) {
    await page.goto(path);
    const icon = page.locator('head link[rel="icon"]');
    await expect(icon).toHaveCount(1);
    await expect(icon).toHaveAttribute("href", "/brand-icon");
    await expect(icon).toHaveAttribute("type", "image/svg+xml");
  }
  const response = await page.request.get("/brand-icon");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
  const svg = await response.text();
  expect(svg).toContain('fill="#0e6074"');
  expect(svg).toMatch(/>O<\/text>/);
});
