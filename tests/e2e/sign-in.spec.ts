import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { SIGNIN_LIMIT_PER_EMAIL } from "./support/env";
import { emailsTo, linkIn, waitForEmail } from "./support/mail";
import { signInAs, testHook } from "./support/session";

async function requestLink(page: import("@playwright/test").Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("Sähköpostiosoite").fill(email);
  await page.getByRole("button", { name: "Lähetä linkki" }).click();
}

test("sign in from the emailed link, sign out, and the link works only once", async ({ page }) => {
  const email = "maija.meikalainen@example.com";
  await requestLink(page, email);
  await expect(page).toHaveURL(/\/signin\/check-email$/);
  await expect(page.getByRole("heading", { name: "Tarkista sähköpostisi" })).toBeVisible();

  const message = await waitForEmail(email);
  expect(message.subject).toBe("Kirjautumislinkkisi Omadataan");
  const link = linkIn(message, "/api/auth/callback/nodemailer");

  await page.goto(link);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("signed-in-name")).toHaveText("Maija Meikäläinen");
  await expect(page.getByRole("heading", { name: "Hei, Maija Meikäläinen" })).toBeVisible();

  await page.getByRole("button", { name: "Kirjaudu ulos" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);

  await page.goto(link);
  await expect(page).toHaveURL(/\/signin\/error/);
  await expect(page.locator("main").getByRole("alert")).toContainText("Linkki on jo käytetty tai vanhentunut");
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});

test("an expired link is refused with a clear page", async ({ page }) => {
  const email = "matti.virtanen@example.com";
  await requestLink(page, email);
  const link = linkIn(await waitForEmail(email), "/api/auth/callback/nodemailer");
  expect((await testHook({ action: "expire-sign-in-links", email })).expired).toBe(1);

  await page.goto(link);
  await expect(page).toHaveURL(/\/signin\/error/);
  await expect(page.getByRole("heading", { name: "Tätä kirjautumislinkkiä ei voi käyttää" })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});

test("known and unknown addresses get identical answers", async ({ page }) => {
  const snapshot = async (email: string) => {
    await requestLink(page, email);
    await expect(page).toHaveURL(/\/signin\/check-email$/);
    return { url: new URL(page.url()).pathname, main: await page.locator("main").innerHTML() };
  };
  const known = await snapshot("anna.lindqvist@example.com");
  const unknown = await snapshot(`nobody-${Date.now()}@example.com`);
  expect(unknown).toEqual(known);
});

test("the sign-in form starts refusing after the per-address limit", async ({ page }) => {
  const email = `limited-${Date.now()}@example.com`;
  for (let i = 1; i <= SIGNIN_LIMIT_PER_EMAIL; i++) {
    await requestLink(page, email);
    await expect(page).toHaveURL(/\/signin\/check-email$/);
  }
  await requestLink(page, email);
  // Counted per address and client network; the message says how long the back-off lasts.
  await expect(page.locator("main").getByRole("alert")).toHaveText(/^Tälle osoitteelle on pyydetty verkostasi liian monta kirjautumislinkkiä\. Yritä uudelleen \d+ minuutin kuluttua\.$/);
  await expect(page).toHaveURL(/\/signin$/);
  await expect.poll(async () => (await emailsTo(email)).length).toBe(SIGNIN_LIMIT_PER_EMAIL);
});

test("an invalid address gets a localised message at the field", async ({ page }) => {
  await requestLink(page, "not-an-address");
  await expect(page.locator("#email-error")).toHaveText("Anna kelvollinen sähköpostiosoite, esimerkiksi nimi@example.com.");
  await expect(page.getByLabel("Sähköpostiosoite")).toHaveAttribute("aria-invalid", "true");
});

test("a customer opening /admin is refused; staff get in", async ({ browser }) => {
  const customer = await browser.newContext();
  await signInAs(customer, "liisa.korhonen@example.com");
  const page = await customer.newPage();
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
  await customer.close();

  const staff = await browser.newContext();
  await signInAs(staff, "admin@example.com");
  const adminPage = await staff.newPage();
  expect((await adminPage.goto("/admin"))?.status()).toBe(200);
  await expect(adminPage.getByRole("heading", { level: 1, name: "Yleiskuva" })).toBeVisible();
  await staff.close();
});

test("the language switcher changes the language and remembers it", async ({ browser }) => {
  const context = await browser.newContext();
  await signInAs(context, "matti.virtanen@example.com");
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Hei, Matti Virtanen" })).toBeVisible();
  await page.getByLabel("Kieli").selectOption("sv");
  await expect(page.getByRole("heading", { name: "Hej, Matti Virtanen" })).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await page.getByLabel("Språk").selectOption("fi");
  await expect(page.getByRole("heading", { name: "Hei, Matti Virtanen" })).toBeVisible();
  await context.close();
});

test("sign-in and portal pages have no accessibility violations", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/signin");
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag22aa"]).analyze()).violations).toEqual([]);
  await signInAs(context, "anna.lindqvist@example.com");
  await page.goto("/");
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag22aa"]).analyze()).violations).toEqual([]);
  await context.close();
});
