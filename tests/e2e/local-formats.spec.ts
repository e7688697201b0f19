import { expect, test } from "@playwright/test";
import { BASE_URL } from "./support/env";
import { signInAs } from "./support/session";

test("the profile form takes a Finnish birth date, shows it back so, and refuses ABC12 without a country", async ({ browser }) => {
  const context = await browser.newContext();
  await signInAs(context, `local-date-${Date.now()}@example.com`);
  const page = await context.newPage();

  await page.goto("/profile/edit");
  await page.locator("#birthDate").fill("31.2.1985");
  await page.getByRole("button", { name: "Tallenna" }).click();
  await expect(page.locator("#birthDate-error")).toHaveText("Tällaista päivää ei ole: tarkista päivä ja kuukausi (esimerkiksi helmikuussa on enintään 29 päivää).");

  await page.locator("#birthDate").fill("31.12.1985");
  await page.locator("#postalCode").fill("ABC12");
  await page.getByRole("button", { name: "Tallenna" }).click();
  await expect(page.locator("#postalCode-error")).toHaveText("Suomalaisessa postinumerossa on viisi numeroa, esimerkiksi 00100. Jos osoite on muualla, valitse myös maa.");
  await expect(page.locator("#birthDate-error")).toHaveCount(0);

  await page.locator("#postalCode").fill("00100");
  // The form checks a field again when it is left: the message goes before the form is sent again.
  await page.locator("#postalCode").press("Tab");
  await expect(page.locator("#postalCode-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Tallenna" }).click();
  await expect(page).toHaveURL(/\/profile\?saved=1$/, { timeout: 20_000 });
  await expect(page.locator('[data-field="birthDate"]')).toContainText("31. joulukuuta 1985");
  await expect(page.locator('[data-field="postalCode"]')).toContainText("00100");

  await page.goto("/profile/edit");
  await expect(page.locator("#birthDate")).toHaveValue("31.12.1985");
  await context.close();
});

test("in English a birth date is typed and shown day first, and times are on the 24-hour clock", async ({ browser }) => {
  const context = await browser.newContext();
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: BASE_URL }]);
  await signInAs(context, `local-date-en-${Date.now()}@example.com`);
  const page = await context.newPage();

  await page.goto("/profile/edit");
  await page.locator("#birthDate").fill("31/12/1985");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/profile\?saved=1$/, { timeout: 20_000 });
  await expect(page.locator('[data-field="birthDate"]')).toContainText("31 December 1985");

  await page.goto("/profile/edit");
  await expect(page.locator("#birthDate")).toHaveValue("31/12/1985");

  // The sessions page lists when this session began: British order, no AM/PM.
  await page.goto("/sessions");
  const started = page.locator("tbody tr").first().locator("td").nth(1);
  await expect(started).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
  await context.close();
});
