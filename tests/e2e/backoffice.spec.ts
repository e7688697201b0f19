import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs } from "./support/session";

async function as(browser: Browser, email: string) {
  const context = await browser.newContext();
  await signInAs(context, email);
  return { context, page: await context.newPage() };
}

// Every back-office page renders for its minimum role and is refused (403) to the role below it.
const pages: { path: string; heading: string; min: "SUPPORT" | "PRIVACY_OFFICER" | "ADMIN" }[] = [
  { path: "/admin", heading: "Yleiskuva", min: "SUPPORT" },
  { path: "/admin/persons", heading: "Asiakkaat", min: "SUPPORT" },
  { path: "/admin/deliveries", heading: "Toimitusloki", min: "SUPPORT" },
  { path: "/admin/requests", heading: "Pyynnöt", min: "PRIVACY_OFFICER" },
  { path: "/admin/duplicates", heading: "Kaksoiskappaleet", min: "PRIVACY_OFFICER" },
  { path: "/admin/audit", heading: "Tapahtumaloki", min: "PRIVACY_OFFICER" },
  { path: "/admin/systems", heading: "Liitetyt järjestelmät", min: "ADMIN" },
  { path: "/admin/import", heading: "Tuonti", min: "ADMIN" },
  { path: "/admin/purposes", heading: "Käyttötarkoitukset", min: "ADMIN" },
  { path: "/admin/staff", heading: "Henkilökunta", min: "ADMIN" },
];
const staff = { SUPPORT: "pekka.support@example.com", PRIVACY_OFFICER: "sanna.privacy@example.com", ADMIN: "admin@example.com" } as const;
const below = { SUPPORT: null, PRIVACY_OFFICER: "SUPPORT", ADMIN: "PRIVACY_OFFICER" } as const;

// One test per page, so a slow page under load has its own time budget and a failure names the page.
for (const p of pages) {
  test(`${p.path} renders for ${p.min} and is refused to the role below and to customers`, async ({ browser }) => {
    const lower = below[p.min];
    const allowed = await as(browser, staff[p.min]);
    const customer = await as(browser, "liisa.korhonen@example.com");
    const roleBelow = lower ? await as(browser, staff[lower]) : null;
    const response = await allowed.page.goto(p.path);
    expect(response?.status(), `${p.path} as ${p.min}`).toBe(200);
    await expect(allowed.page.getByRole("heading", { level: 1, name: p.heading })).toBeVisible();
    if (roleBelow) expect((await roleBelow.page.goto(p.path))?.status(), `${p.path} as ${lower}`).toBe(403);
    expect((await customer.page.goto(p.path))?.status(), `${p.path} as CUSTOMER`).toBe(403);
    for (const s of [allowed, customer, roleBelow]) await s?.context.close();
  });
}

test("the dashboard draws its charts from the seeded data", async ({ browser }) => {
  const { context, page } = await as(browser, staff.SUPPORT);
  await page.goto("/admin");
  // The demo data has no connected systems yet, so the propagation section shows its empty state.
  for (const id of ["chart-consent-rate", "chart-requests-by-status", "chart-on-time"]) {
    const chart = page.getByTestId(id);
    await expect(chart).toBeVisible();
    await expect(chart.locator("svg").first()).toBeVisible();
  }
  // The consent-rate chart has drawn marks for the seeded consents, not an empty frame.
  expect(await page.getByTestId("chart-consent-rate").locator("svg path, svg rect, svg circle, svg polyline").count()).toBeGreaterThan(3);
  const shot = await page.getByTestId("chart-consent-rate").screenshot();
  expect(shot.byteLength).toBeGreaterThan(2_000);
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag22aa"]).analyze()).violations).toEqual([]);
  await context.close();
});

/** Before the search box shows, the staff member states why they search (one reason per 30 minutes). */
async function stateSearchReason(page: Page) {
  await page.goto("/admin/persons");
  const form = page.getByTestId("search-reason-form");
  await expect(form).toBeVisible();
  await expect(page.getByLabel("Etsi asiakas")).toHaveCount(0);
  await form.getByLabel("Asiakaspalvelupuhelu").check();
  await form.getByRole("button", { name: "Aloita haku" }).click();
  await expect(page.getByTestId("search-reason")).toContainText("Asiakaspalvelupuhelu");
}

test("search asks for a reason first, finds a misspelt surname and shows names only; opening the record asks for a reason that the person then sees", async ({ browser }) => {
  const { context, page } = await as(browser, staff.SUPPORT);
  await page.setViewportSize({ width: 390, height: 844 });
  await stateSearchReason(page);
  await page.getByLabel("Etsi asiakas").fill("Virtanem");
  await page.getByLabel("Etsi asiakas").press("Enter");
  const results = page.getByTestId("search-results");
  const row = results.locator("[data-person-id]").filter({ hasText: "Matti" }).first();
  await expect(row).toBeVisible();
  // Names and what matched, nothing to reach the person by until the record is opened.
  await expect(results.getByRole("columnheader")).toHaveText(["Nimi", "Löytyi"]);
  await expect(row.getByRole("cell")).toHaveText(["Matti Virtanen", "nimellä"]);
  for (const contact of ["matti.virtanen@example.com", "+358501112223", "Hämeenkatu", "33100", "Tampere"]) await expect(results).not.toContainText(contact);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag22aa"]).analyze()).violations).toEqual([]);
  await row.getByRole("link").first().click();
  await expect(page.getByTestId("reason-form")).toBeVisible();
  await page.getByTestId("reason-form").getByRole("radio").first().check();
  await page.getByTestId("reason-form").getByRole("button").click();
  await expect(page.getByTestId("person-name")).toContainText("Matti Virtanen");
  await context.close();

  const matti = await as(browser, "matti.virtanen@example.com");
  await matti.page.goto("/activity");
  await expect(matti.page.getByTestId("activity").locator('tr[data-action="person.viewed"]').first()).toBeVisible();
  await matti.context.close();
});
