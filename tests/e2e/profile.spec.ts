import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { linkIn, waitForEmail } from "./support/mail";
import { signInAs, testHook } from "./support/session";

const row = (page: Page, field: string) => page.locator(`[data-field="${field}"]`);

test("My data shows every group with provenance; a bad phone is refused at the field, a good one is saved as yours", async ({ browser }) => {
  const context = await browser.newContext();
  await signInAs(context, "maija.meikalainen@example.com");
  const page = await context.newPage();
  await page.goto("/profile");

  await expect(row(page, "givenName")).toContainText("Maija");
  await expect(row(page, "givenName")).toContainText("Lähde: tuonti järjestelmästä, jota ei ole liitetty");
  await expect(row(page, "phone")).toContainText("+358401234567");
  await expect(row(page, "phone")).toContainText("Lähde: järjestelmä, jota ei ole liitetty");
  await expect(page.locator('[data-organisation="1234567-1"]')).toContainText("Esimerkki Oy");
  await expect(page.locator('[data-organisation="1234567-1"]')).toContainText("Ostopäällikkö");
  // The demo's two systems are not connected ones: named as such, never by key, and the profile
  // says that corrections are not sent to them.
  await expect(page.getByTestId("systems").locator('li[data-updates="none"]')).toHaveCount(2);
  await expect(page.getByTestId("systems")).toContainText("Ei liitetty: korjauksiasi ei välitetä sinne.");
  await expect(page.getByTestId("systems")).not.toContainText("crm");
  await expect(page.getByTestId("interactions").locator("tbody tr")).toHaveCount(10);
  await expect(page.getByText("Sivu 1/2")).toBeVisible();
  await page.getByRole("link", { name: "Seuraava" }).click();
  await expect(page.getByTestId("interactions").locator("tbody tr")).toHaveCount(4);
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag22aa"]).analyze()).violations).toEqual([]);

  await page.goto("/profile/edit");
  await page.getByLabel("Puhelin").fill("12345");
  await page.getByRole("button", { name: "Tallenna" }).click();
  await expect(page.locator("#phone-error")).toHaveText("Anna kelvollinen puhelinnumero, esimerkiksi 040 123 4567 tai +46 70 123 4567.");
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag22aa"]).analyze()).violations).toEqual([]);
  await page.goto("/profile");
  await expect(row(page, "phone")).toContainText("+358401234567");

  await page.goto("/profile/edit");
  await page.getByLabel("Puhelin").fill("040 765 4321");
  await page.getByRole("button", { name: "Tallenna" }).click();
  await expect(page).toHaveURL(/\/profile\?saved=1$/);
  await expect(page.getByRole("status")).toContainText("Muutoksesi tallennettiin");
  await expect(row(page, "phone")).toContainText("+358407654321");
  await expect(row(page, "phone")).toContainText("Lähde: sinä");
  await expect(row(page, "givenName")).toContainText("Lähde: tuonti järjestelmästä, jota ei ole liitetty");

  await page.goto("/activity");
  await expect(page.getByTestId("activity").locator('tr[data-action="person.updated"]').first()).toContainText("Tietoja korjattiin: Puhelin");
  await expect(page.getByTestId("activity").locator('tr[data-action="person.updated"]').first()).toContainText("Sinä");
  await context.close();
});

test("a Finnish postal code must have five digits", async ({ browser }) => {
  const context = await browser.newContext();
  await signInAs(context, `postal-${Date.now()}@example.com`);
  const page = await context.newPage();
  await page.goto("/profile/edit");
  await page.getByLabel("Maa").selectOption("FI");
  await page.getByLabel("Postinumero").fill("1234");
  await page.getByRole("button", { name: "Tallenna" }).click();
  await expect(page.locator("#postalCode-error")).toHaveText("Suomalaisessa postinumerossa on viisi numeroa, esimerkiksi 00100.");
  await context.close();
});

test("changing the email address: confirmation to the new address, notice to the old, a taken address answered as any other", async ({ browser }) => {
  const stamp = Date.now();
  const oldEmail = `change-${stamp}@example.com`;
  const newEmail = `changed-${stamp}@example.com`;
  const context = await browser.newContext();
  await signInAs(context, oldEmail);
  const page = await context.newPage();

  await page.goto("/profile/email");
  await page.getByLabel("Uusi sähköpostiosoite").fill("anna.lindqvist@example.com");
  await page.getByRole("button", { name: "Lähetä vahvistuslinkki" }).click();
  // No hint that the address is taken (its owner gets a notice instead of a link).
  await expect(page.getByRole("status")).toContainText("Vahvistuslinkki on matkalla");

  await page.goto("/profile/email");
  await page.getByLabel("Uusi sähköpostiosoite").fill(newEmail);
  await page.getByRole("button", { name: "Lähetä vahvistuslinkki" }).click();
  await expect(page.getByRole("status")).toContainText("Vahvistuslinkki on matkalla");

  const notice = await waitForEmail(oldEmail);
  expect(notice.subject).toBe("Omadatan sähköpostiosoitettasi ollaan vaihtamassa");
  const confirmation = await waitForEmail(newEmail);
  await page.goto(linkIn(confirmation, "/confirm-email"));
  await page.getByRole("button", { name: "Vahvista osoite" }).click();
  await expect(page.getByRole("status")).toContainText("Sähköpostiosoitteesi vaihdettiin");

  await page.goto("/profile");
  await expect(row(page, "email")).toContainText(newEmail);
  await expect(row(page, "email")).toContainText("Lähde: sinä");

  // The link works once.
  await page.goto(linkIn(confirmation, "/confirm-email"));
  await page.getByRole("button", { name: "Vahvista osoite" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("Linkki on jo käytetty");
  await context.close();
});

test("an old sign-in must be renewed with a fresh emailed link before changing the email address", async ({ browser }) => {
  const email = `reauth-${Date.now()}@example.com`;
  const context = await browser.newContext();
  await signInAs(context, email);
  await testHook({ action: "age-sessions", email, minutes: 20 });
  const page = await context.newPage();
  await page.goto("/profile/email");
  await expect(page.getByRole("heading", { name: "Vahvista henkilöllisyytesi" })).toBeVisible();
  await page.getByRole("button", { name: "Lähetä kirjautumislinkki" }).click();
  await expect(page.getByRole("status")).toBeVisible();

  await page.goto(linkIn(await waitForEmail(email), "/api/auth/callback/nodemailer"));
  await expect(page).toHaveURL(/\/profile\/email$/);
  await expect(page.getByLabel("Uusi sähköpostiosoite")).toBeVisible();
  await context.close();
});

test("ending all other sessions signs out a second browser", async ({ browser }) => {
  const email = `sessions-${Date.now()}@example.com`;
  const first = await browser.newContext();
  const second = await browser.newContext();
  await signInAs(first, email);
  await signInAs(second, email);
  const secondPage = await second.newPage();
  await secondPage.goto("/");
  await expect(secondPage).toHaveURL(/\/$/);

  const page = await first.newPage();
  await page.goto("/sessions");
  await expect(page.getByTestId("sessions").locator("tbody tr")).toHaveCount(2);
  await page.getByRole("button", { name: "Kirjaudu ulos kaikkialta muualta" }).click();
  await expect(page.getByRole("status")).toHaveText("1 muu istunto päätettiin.");

  await secondPage.goto("/");
  await expect(secondPage).toHaveURL(/\/signin/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/$/);
  await first.close();
  await second.close();
});
