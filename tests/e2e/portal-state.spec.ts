// What the person's pages say about their state: consent switches that follow the page (also
// after "withdraw all", without a reload), a pending double opt-in that is not a green "on", the
// home overview's counts, and the banner while processing is restricted or an erasure is scheduled.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs } from "./support/session";

const purposeSwitch = (page: Page, key: string) => page.locator(`button[role="switch"][data-purpose="${key}"]`);
const statusOf = (page: Page, key: string) => page.locator(`[data-purpose-row="${key}"] [data-testid="consent-status"]`);

async function freshPerson(browser: Browser, label: string) {
  const email = `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  const context = await browser.newContext();
  await signInAs(context, email);
  return { email, context, page: await context.newPage() };
}

async function restrictProcessing(page: Page) {
  await page.goto("/requests/new");
  await page.locator("#restriction-description").fill("Kiistän osoitteeni oikeellisuuden.");
  await page.getByRole("button", { name: "Rajoita käsittelyä" }).click();
  await expect(page).toHaveURL(/\/requests/, { timeout: 20_000 });
}

test("withdraw all turns every switch off at once, without a reload", async ({ browser }) => {
  const { context, page } = await freshPerson(browser, "state-withdraw-all");
  await page.goto("/consents");
  for (const key of ["sms-offers", "direct-mail"]) {
    await purposeSwitch(page, key).click();
    await expect(statusOf(page, key)).toHaveText("Annettu");
    await expect(purposeSwitch(page, key)).toHaveAttribute("aria-checked", "true");
  }
  // Nothing reloads the page from here on: a reload would hide a switch that kept its old state.
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await page.getByRole("button", { name: "Peru kaikki markkinointisuostumukset" }).click();
  await expect(page.getByRole("status").filter({ hasText: "peruttiin" })).toHaveText("2 suostumusta peruttiin.");
  for (const key of ["sms-offers", "direct-mail"]) {
    await expect(purposeSwitch(page, key)).toHaveAttribute("aria-checked", "false");
    await expect(purposeSwitch(page, key)).toHaveAttribute("data-state", "off");
    await expect(purposeSwitch(page, key)).not.toHaveClass(/\bon\b/);
  }
  // Every card that says withdrawn has its switch off (a legitimate interest stays on: it is no marketing consent).
  for (const row of await page.locator("[data-purpose-row]").all()) {
    if ((await row.getByTestId("consent-status").textContent()) === "Peruttu") await expect(row.getByRole("switch")).toHaveAttribute("data-state", "off");
  }
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await context.close();
});

test("a newsletter waiting for its double opt-in shows a waiting switch, not a green on", async ({ browser }) => {
  const { context, page } = await freshPerson(browser, "state-doi");
  await page.goto("/consents");
  const newsletter = purposeSwitch(page, "newsletter");
  await newsletter.click();
  await expect(statusOf(page, "newsletter")).toHaveText("Odottaa vahvistustasi");
  await expect(newsletter).toHaveAttribute("data-state", "pending");
  await expect(newsletter).toHaveClass(/\bpending\b/);
  await expect(newsletter).not.toHaveClass(/\bon\b/);
  await expect(newsletter).toHaveAccessibleName("Uutiskirje sähköpostiin: odottaa vahvistustasi");
  await expect(page.locator('[data-purpose-row="newsletter"] .switch-note')).toHaveText("odottaa vahvistustasi");
  // Still waiting after a reload: the state comes from the server, not from the click.
  await page.reload();
  await expect(purposeSwitch(page, "newsletter")).toHaveAttribute("data-state", "pending");
  const colour = await purposeSwitch(page, "newsletter").evaluate((el) => getComputedStyle(el).backgroundColor);
  const green = await purposeSwitch(page, "direct-mail").evaluate((el) => {
    el.classList.add("on");
    const c = getComputedStyle(el).backgroundColor;
    el.classList.remove("on");
    return c;
  });
  expect(colour).not.toBe(green);
  // A click withdraws the waiting grant.
  await purposeSwitch(page, "newsletter").click();
  await expect(purposeSwitch(page, "newsletter")).toHaveAttribute("data-state", "off");
  await expect(statusOf(page, "newsletter")).toHaveText("Peruttu");
  await context.close();
});

test("the home page sums up the person's data, consents and open requests, with links", async ({ browser }) => {
  const { context, page } = await freshPerson(browser, "state-home");
  await page.goto("/consents");
  await purposeSwitch(page, "sms-offers").click();
  await expect(statusOf(page, "sms-offers")).toHaveText("Annettu");
  await purposeSwitch(page, "direct-mail").click();
  await expect(statusOf(page, "direct-mail")).toHaveText("Annettu");
  await purposeSwitch(page, "direct-mail").click();
  await expect(statusOf(page, "direct-mail")).toHaveText("Peruttu");
  await purposeSwitch(page, "newsletter").click();
  await expect(statusOf(page, "newsletter")).toHaveText("Odottaa vahvistustasi");

  await page.goto("/");
  const overview = page.getByTestId("home-overview");
  await expect(overview.getByTestId("overview-email")).toHaveText(/^state-home-/);
  await expect(overview.getByTestId("overview-fields")).toContainText("sinusta");
  const consents = overview.getByTestId("overview-consents");
  await expect(consents.locator('[data-count="granted"]')).toHaveText("1 annettu");
  await expect(consents.locator('[data-count="withdrawn"]')).toHaveText("1 peruttu");
  await expect(consents.locator('[data-count="pending"]')).toHaveText("1 odottaa vahvistustasi");
  await expect(overview.getByTestId("overview-requests")).toHaveText("Ei avoimia pyyntöjä.");
  await expect(page.getByTestId("processing-banner")).toHaveCount(0);
  await expect(overview.getByRole("link", { name: "Hallitse suostumuksiasi" })).toHaveAttribute("href", "/consents");
  await expect(overview.getByRole("link", { name: "Seuraa pyyntöjäsi" })).toHaveAttribute("href", "/requests");
  await expect(overview.getByRole("link", { name: "Katso ja korjaa tietojasi" })).toHaveAttribute("href", "/profile");
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag22aa"]).analyze()).violations).toEqual([]);

  await restrictProcessing(page);
  await page.goto("/");
  await expect(page.getByTestId("overview-requests")).toHaveText("1 avoin pyyntö.");
  await context.close();
});

test("while processing is restricted, home, profile and data pages say so", async ({ browser }) => {
  const { context, page } = await freshPerson(browser, "state-restricted");
  await restrictProcessing(page);
  for (const path of ["/", "/profile", "/data"]) {
    await page.goto(path);
    const banner = page.getByTestId("processing-banner");
    await expect(banner, path).toBeVisible();
    await expect(banner.getByRole("heading", { name: "Tietojesi käsittelyä on rajoitettu" })).toBeVisible();
    await expect(banner.getByTestId("banner-restricted")).toContainText("vain säilytämme tietojasi");
  }
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag22aa"]).analyze()).violations).toEqual([]);
  await context.close();
});

test("while an erasure is scheduled, the banner gives its date and the way to cancel it", async ({ browser }) => {
  const { context, page } = await freshPerson(browser, "state-erasure");
  await page.goto("/data/delete");
  await page.getByLabel("Ymmärrän, että tietoni poistetaan eikä sitä voi perua.").check();
  await page.getByRole("button", { name: "Poista tietoni" }).click();
  await expect(page.getByTestId("erasure-scheduled")).toBeVisible();
  for (const path of ["/", "/profile", "/data"]) {
    await page.goto(path);
    const banner = page.getByTestId("processing-banner");
    await expect(banner.getByRole("heading", { name: "Tietosi ollaan poistamassa" }), path).toBeVisible();
    // A local date in words, e.g. "Poistamme tietosi 31. joulukuuta 2026."
    await expect(banner.getByTestId("banner-erasure")).toContainText(/Poistamme tietosi \d{1,2}\. \p{L}+ \d{4}\./u);
  }
  await page.getByTestId("processing-banner").getByRole("link", { name: "Peru poisto" }).click();
  await expect(page).toHaveURL(/\/data\/delete$/);
  await page.getByRole("button", { name: "Peru poisto" }).click();
  // The cancellation is done when the page says so; leaving before could abort it under load.
  await expect(page).toHaveURL(/\/data\/delete\?cancelled=1$/);
  await expect(page.locator("main").getByRole("status")).toHaveText("Poisto peruttiin. Mitään ei poistettu.");
  await page.goto("/");
  await expect(page.getByTestId("processing-banner")).toHaveCount(0);
  await context.close();
});
