import { expect, test, type Locator, type Page } from "@playwright/test";
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

/** An element's visible text without its <code> parts: an integrator's codes may stand beside the words. */
const wordsOf = (locator: Locator) =>
  locator.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll("code").forEach((c) => c.remove());
    return (copy.textContent ?? "").replace(/\s+/g, " ");
  });

test("the back-office names scopes and event types in words: API keys, the delivery log and its filter, a delivery, the API page", async ({ browser }) => {
  test.setTimeout(300_000); // several pages and two server actions on two busy cores
  const key = `words-sys-${Date.now()}`;
  const { systemId } = (await testHook({ action: "create-system", key, requiresErasureAck: false, scopes: ["persons:read:details", "consents:read"] })) as { systemId: string };
  const context = await browser.newContext();
  await signInAs(context, "admin@example.com");
  const page = await context.newPage();

  await page.goto(`/admin/systems/${systemId}`);
  const scopes = page.getByTestId("key-scopes");
  await expect(scopes).toContainText("Henkilöiden yhteys- ja syntymätiedot");
  await expect(scopes).toContainText("Suostumusten luku");
  expect(unreadableParts(await scopes.innerText())).toEqual([]);

  // A delivery to look at: the system's test event.
  // A public address (private ones are refused here); nothing answers on the closed test network.
  await page.getByLabel("Webhook-osoite").fill("https://192.0.1.1/omadata-words");
  await page.getByRole("button", { name: "Tallenna", exact: true }).click();
  await expect(page.getByText("Tallennettu.")).toBeVisible({ timeout: 60_000 });
  await page.getByRole("button", { name: "Lähetä testitapahtuma" }).click();
  await expect(page.getByText("Testitapahtuma on matkalla.", { exact: false })).toBeVisible({ timeout: 60_000 });

  await page.goto(`/admin/systems/${systemId}/deliveries`);
  const events = page.getByTestId("delivery-event");
  await expect(events.first()).toHaveText("Testitapahtuma");
  expect(unreadableParts((await events.allInnerTexts()).join("\n"))).toEqual([]);
  const filter = page.getByLabel("Tapahtuma", { exact: true });
  const options = (await filter.locator("option").allInnerTexts()).join("\n");
  expect(options).toContain("Suostumus muuttui");
  expect(unreadableParts(options)).toEqual([]);

  await page.getByRole("table").getByRole("link", { name: "Tiedot", exact: true }).first().click();
  const fields = page.getByTestId("delivery-fields");
  await expect(fields).toContainText("Testitapahtuma");
  expect(unreadableParts(await wordsOf(fields))).toEqual([]);

  await page.goto("/admin/deliveries");
  await expect(page.getByTestId("delivery-event").first()).toBeVisible();
  expect(unreadableParts((await page.getByTestId("delivery-event").allInnerTexts()).join("\n"))).toEqual([]);

  await page.goto("/api-docs");
  const apiScopes = page.getByTestId("api-scopes");
  await expect(apiScopes).toContainText("Henkilöiden haku ja perustiedot");
  await expect(apiScopes).toContainText("Hakea henkilöitä");
  expect(unreadableParts(await wordsOf(apiScopes))).toEqual([]);
  const apiEvents = page.getByTestId("api-events");
  await expect(apiEvents).toContainText("Suostumus muuttui");
  await expect(apiEvents).toContainText("Henkilön tiedot poistettiin");
  expect(unreadableParts(await wordsOf(apiEvents))).toEqual([]);
  await context.close();
});
