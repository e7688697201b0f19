import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { signInAs } from "./support/session";

// The frame wears the configured brand; the browser tests' server runs with none, so the demo
// brand ("Omadata Demo", deep teal) is what these tests and the screenshot see.
const PERSON = "theming.demo@example.com";
const DEMO_COLOR = "rgb(14, 96, 116)"; // #0e6074

async function signedInPage(browser: Browser, viewport: { width: number; height: number }, email = PERSON, locale = "fi-FI"): Promise<Page> {
  const context = await browser.newContext({ viewport, locale });
  await signInAs(context, email);
  return context.newPage();
}

/** The vertical centres of the header's visible items: one row when they all agree. */
const rowCentres = (header: Locator) =>
  header
    .locator(".brand, .nav-link, .lang-switcher select, button")
    .evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)));

test("on a phone the header is one compact row; its menu opens, closes on Escape and navigates, marking the page", async ({ browser }) => {
  const page = await signedInPage(browser, { width: 390, height: 844 });
  await page.goto("/");
  const header = page.locator("header.site-header");
  expect((await header.boundingBox())!.height).toBeLessThan(844 * 0.2);
  await expect(header.getByRole("link", { name: "Omadata Demo" })).toBeVisible();

  const menu = header.getByRole("button", { name: "Valikko" });
  const panel = page.locator(`#${await menu.getAttribute("aria-controls")}`);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(panel).toBeHidden();

  // The panel drops over the page: nothing below the header moves.
  const mainTop = (await page.locator("main").boundingBox())!.y;
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(panel.getByRole("navigation", { name: "Päävalikko" })).toBeVisible();
  await expect(panel.getByLabel("Kieli")).toBeVisible();
  await expect(panel.getByRole("button", { name: "Kirjaudu ulos" })).toBeVisible();
  expect((await page.locator("main").boundingBox())!.y).toBe(mainTop);

  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();

  // Opened from the keyboard, followed by a link: the new page starts with the menu closed.
  await page.keyboard.press("Enter");
  await expect(panel).toBeVisible();
  await panel.getByRole("link", { name: "Suostumukset" }).click();
  await expect(page).toHaveURL(/\/consents$/);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(panel).toBeHidden();

  await menu.click();
  const current = panel.getByRole("link", { name: "Suostumukset" });
  await expect(current).toHaveAttribute("aria-current", "page");
  await expect(panel.locator('[aria-current="page"]')).toHaveCount(1);
  await expect(current).toHaveCSS("border-left-color", DEMO_COLOR);

  // Tabbing out of the panel closes it.
  await page.getByRole("button", { name: "Kirjaudu ulos" }).focus();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(panel).toBeHidden();
  await page.context().close();
});

test("on a desktop the header is one row with the current page marked, and the footer names the company", async ({ browser }) => {
  const page = await signedInPage(browser, { width: 1280, height: 800 });
  await page.goto("/profile");
  const header = page.locator("header.site-header");
  expect((await header.boundingBox())!.height).toBeLessThan(100);
  await expect(header.getByRole("button", { name: "Valikko" })).toBeHidden();
  const nav = header.getByRole("navigation", { name: "Päävalikko" });
  for (const name of ["Omat tiedot", "Suostumukset", "Tapahtumat", "Istunnot", "Lataa tai poista", "Pyyntöni"]) await expect(nav.getByRole("link", { name })).toBeVisible();
  await expect(nav.getByRole("button", { name: "Kirjaudu ulos" })).toBeVisible();
  const centres = await rowCentres(header);
  expect(Math.max(...centres) - Math.min(...centres)).toBeLessThan(12);

  await expect(nav.getByRole("link", { name: "Omat tiedot" })).toHaveAttribute("aria-current", "page");
  await expect(nav.locator("[aria-current]")).toHaveCount(1);
  await expect(nav.getByRole("link", { name: "Omat tiedot" })).toHaveCSS("border-bottom-color", DEMO_COLOR);
  // A page below a section marks the section, not as the page itself.
  await page.goto("/profile/edit");
  await expect(nav.getByRole("link", { name: "Omat tiedot" })).toHaveAttribute("aria-current", "true");

  const footer = page.locator("footer.site-footer");
  await expect(footer).toContainText("Omadata Demo");
  await expect(footer.getByRole("link", { name: "Tietosuojaseloste" })).toHaveAttribute("href", /\/privacy$/);
  await expect(footer.getByRole("link", { name: "privacy@example.com" })).toHaveAttribute("href", "mailto:privacy@example.com");
  await expect(page).toHaveTitle(/Omadata Demo/);
  await page.context().close();
});

test("the desktop header stays one row, inside the window, in every language and with a long name", async ({ browser }) => {
  for (const locale of ["fi-FI", "sv-FI", "en-GB"]) {
    // A seeded person with a long name (only read here).
    const page = await signedInPage(browser, { width: 1280, height: 800 }, "maija.meikalainen@example.com", locale);
    await page.goto("/profile");
    const header = page.locator("header.site-header");
    await expect(header.locator('[aria-current="page"]')).toBeVisible();
    expect((await header.boundingBox())!.height, locale).toBeLessThan(100);
    const centres = await rowCentres(header);
    expect(Math.max(...centres) - Math.min(...centres), locale).toBeLessThan(12);
    const right = await header.locator(".brand, .site-nav > *, .account > *").evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().right)));
    expect(right, locale).toBeLessThanOrEqual(1280 - 8);
    await page.context().close();
  }
});

test("the back-office frame marks its current section", async ({ browser }) => {
  const page = await signedInPage(browser, { width: 1280, height: 800 }, "admin@example.com");
  await page.goto("/admin/persons");
  await expect(page.locator("header.site-header")).toContainText("Ylläpito");
  const sections = page.getByRole("navigation", { name: "Ylläpidon osiot" });
  await expect(sections.getByRole("link", { name: "Asiakkaat" })).toHaveAttribute("aria-current", "page");
  // The dashboard is the area's top, not a section around every page.
  await expect(sections.getByRole("link", { name: "Yleiskuva" })).not.toHaveAttribute("aria-current");
  await page.goto("/admin/requests");
  await expect(page.getByRole("navigation", { name: "Päävalikko" }).getByRole("link", { name: "Pyynnöt" })).toHaveAttribute("aria-current", "page");
  await expect(page.locator("footer.site-footer")).toContainText("Omadata Demo");
  await page.context().close();
});

test("the sign-in page wears the brand, and the favicon answers", async ({ page, request }) => {
  await page.goto("/signin");
  await expect(page.locator("header.site-header").getByRole("link", { name: "Omadata Demo" })).toBeVisible();
  await expect(page.locator("header.site-header")).toHaveCSS("border-top-color", DEMO_COLOR);
  await expect(page.locator("footer.site-footer").getByRole("link", { name: "Tietosuojaseloste" })).toBeVisible();
  const logo = await page.locator("header .brand-logo").getAttribute("src");
  expect((await request.get(logo!)).status()).toBe(200);

  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/image\//);
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect((await request.get(icon!)).status()).toBe(200);
});

test("the themed home page looks as designed", async ({ browser }) => {
  const page = await signedInPage(browser, { width: 1280, height: 800 });
  await page.goto("/");
  await expect(page.locator("main h1")).toBeVisible();
  await expect(page).toHaveScreenshot("themed-home.png", {
    fullPage: true,
    // Counts that other tests' purposes and requests change; the frame and the layout are what is compared.
    mask: [page.getByTestId("overview-consents"), page.getByTestId("overview-requests"), page.getByTestId("overview-fields")],
    maxDiffPixelRatio: 0.01,
    animations: "disabled",
  });
  await page.context().close();
});
