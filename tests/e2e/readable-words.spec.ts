import { expect, test, type Page } from "@playwright/test";
import { unreadableParts } from "../support/readable-text";
import { signInAs, testHook } from "./support/session";

// What a person and a staff member read is words: no event key, placeholder, UUID, ISO time or
// raw enum value on the Activity page, the profile's sources, the erasure page and the 360 view.
// (Every action in every language is covered by tests/integration/i18n/readable-words.test.ts.)

const mainText = async (page: Page) => (await page.locator("main").innerText()).replace(/\s+/g, " ");

test("the person's Activity, profile and erasure pages read as words", async ({ browser }) => {
  const context = await browser.newContext();
  await signInAs(context, "maija.meikalainen@example.com");
  const page = await context.newPage();

  await page.goto("/activity");
  await expect(page.getByTestId("activity")).toBeVisible();
  // The demo data's own entries name it as demo data, not as a system's id.
  await expect(page.getByTestId("activity")).toContainText("Esittelytietojen luonti");
  await expect(page.getByTestId("activity")).toContainText("Suostumus annettiin");
  expect(unreadableParts(await mainText(page))).toEqual([]);

  await page.goto("/profile");
  await expect(page.locator('[data-field="givenName"]')).toContainText("Lähde:");
  expect(unreadableParts(await mainText(page))).toEqual([]);

  await page.goto("/data/delete");
  await expect(page.getByRole("link", { name: "Hallitse suostumuksiasi" })).toHaveAttribute("href", "/consents");
  await expect(page.getByRole("link", { name: "Lataa kopio tiedoistasi" })).toHaveAttribute("href", "/data");
  expect(unreadableParts(await mainText(page))).toEqual([]);
  await context.close();
});

test("the staff 360 view reads as words: sources with system names, activity as sentences", async ({ browser }) => {
  const { personId } = (await testHook({ action: "person-id", email: "maija.meikalainen@example.com" })) as { personId: string };
  const context = await browser.newContext();
  await signInAs(context, "admin@example.com");
  const page = await context.newPage();
  await page.goto(`/admin/persons/${personId}`);
  // The record asks for a reason unless this staff member opened it a moment ago (another test may have).
  const reasonForm = page.getByTestId("reason-form");
  await expect(reasonForm.or(page.getByTestId("person-activity"))).toBeVisible();
  if (await reasonForm.isVisible()) {
    await reasonForm.getByRole("radio").first().check();
    await reasonForm.getByRole("button").click();
  }
  await expect(page.getByTestId("person-activity")).toContainText("Asiakastiedot avattiin");
  await expect(page.getByTestId("person-fields")).not.toContainText("{");
  const text = [
    await page.getByTestId("person-fields").innerText(),
    await page.getByTestId("person-consents").innerText(),
    await page.getByTestId("person-activity").innerText(),
  ].join("\n");
  expect(unreadableParts(text)).toEqual([]);
  expect(text).not.toMatch(/\bsinä\s*,/);
  await context.close();
});
