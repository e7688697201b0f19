// A success message is announced (a status region), then goes away by itself after a few seconds
// or at once when the form is edited again, without a reload; an error stays until the next try.
// Back-office forms and buttons and the portal's buttons share one mechanism
// (components/ui/use-passing-message.ts).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs, testHook } from "./support/session";

const ADMIN = "admin@example.com";
const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
// Long enough for the message's few seconds on two busy cores; it must go without a reload.
const GOES_AWAY = { timeout: 30_000 };
// Shown while the server action runs on two busy cores.
const SLOW = { timeout: 60_000 };

async function as(browser: Browser, email: string) {
  const context = await browser.newContext();
  await signInAs(context, email);
  return { context, page: await context.newPage() };
}

/** Marks the loaded document, so a later check can tell the page was not reloaded meanwhile. */
const markDocument = (page: Page) => page.evaluate(() => void ((window as unknown as { passingMark: string }).passingMark = "same document"));
const sameDocument = async (page: Page) => expect(await page.evaluate(() => (window as unknown as { passingMark?: string }).passingMark)).toBe("same document");

test("staff invite and role change: the success is announced, goes away by itself, and at once on the next edit", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await as(browser, ADMIN);
  const { page } = admin;
  await page.goto("/admin/staff");
  const form = page.getByTestId("invite-form");
  await markDocument(page);

  await form.getByLabel("Sähköposti").fill(`${unique("passing-staff")}@example.com`);
  await form.getByRole("button", { name: "Kutsu" }).click();
  await expect(form.getByRole("status")).toHaveText("Kutsuttu. Sähköposti on matkalla.", SLOW);
  await expect(form.getByRole("status")).toHaveCount(0, GOES_AWAY);
  await sameDocument(page);

  // The next success goes as soon as the form is edited: well before its time is up.
  await form.getByLabel("Sähköposti").fill(`${unique("passing-staff")}@example.com`);
  await form.getByRole("button", { name: "Kutsu" }).click();
  await expect(form.getByRole("status")).toHaveText("Kutsuttu. Sähköposti on matkalla.", SLOW);
  await form.getByLabel("Sähköposti").pressSequentially("x");
  await expect(form.getByRole("status")).toHaveCount(0, { timeout: 2_000 });

  // A confirmed role change says so beside the select, then that goes too.
  const email = `${unique("passing-role")}@example.com`;
  await form.getByLabel("Sähköposti").fill(email);
  await form.getByRole("button", { name: "Kutsu" }).click();
  const row = page.locator(`tr[data-email="${email}"]`);
  await row.getByLabel(`Käyttäjän ${email} rooli`).selectOption("PRIVACY_OFFICER");
  await page.getByRole("dialog").getByRole("button", { name: "Vaihda rooliksi tietosuojavastaava" }).click();
  await expect(row.getByRole("status")).toHaveText("Rooli vaihdettu.", SLOW);
  await expect(row.getByRole("status")).toHaveCount(0, GOES_AWAY);
  await expect(row.getByLabel(`Käyttäjän ${email} rooli`)).toHaveValue("PRIVACY_OFFICER");
  await sameDocument(page);
  await admin.context.close();
});

test("connected system: the saved form's success goes away while the test event's error stays", async ({ browser }) => {
  test.setTimeout(180_000);
  const { systemId } = (await testHook({ action: "create-system", key: unique("passing-sys"), requiresErasureAck: false, scopes: ["events:ack"] })) as { systemId: string };
  const admin = await as(browser, ADMIN);
  const { page } = admin;
  await page.goto(`/admin/systems/${systemId}`);
  await markDocument(page);
  const testEvent = page.locator("p.actions", { has: page.getByRole("button", { name: "Lähetä testitapahtuma" }) });
  const form = page.locator("form", { has: page.getByRole("button", { name: "Tallenna", exact: true }) });

  // No webhook address: the test event is refused, and that stays.
  await testEvent.getByRole("button", { name: "Lähetä testitapahtuma" }).click();
  await expect(testEvent.getByRole("alert")).toHaveText("Järjestelmällä ei ole webhook-osoitetta.", SLOW);

  await form.getByLabel("Nimi", { exact: true }).fill(unique("Passing system"));
  await form.getByRole("button", { name: "Tallenna", exact: true }).click();
  await expect(form.getByRole("status")).toHaveText("Tallennettu.", SLOW);
  await expect(form.getByRole("status")).toHaveCount(0, GOES_AWAY);
  // The error beside the other button is still there after the success has gone.
  await expect(testEvent.getByRole("alert")).toHaveText("Järjestelmällä ei ole webhook-osoitetta.");
  await sameDocument(page);
  await admin.context.close();
});

test("a portal button's success (withdraw all marketing) goes away too", async ({ browser }) => {
  test.setTimeout(120_000);
  const person = await as(browser, `${unique("passing-person")}@example.com`);
  const { page } = person;
  await page.goto("/consents");
  await markDocument(page);
  const button = page.getByRole("button", { name: "Peru kaikki markkinointisuostumukset" });
  const outcome = page.locator("p.actions", { has: button }).getByRole("status");
  // Retried: a click before the page has hydrated does nothing.
  await expect(async () => {
    await button.click();
    await expect(outcome).toBeVisible({ timeout: 5_000 });
  }).toPass(SLOW);
  await expect(outcome).toHaveCount(0, GOES_AWAY);
  await sameDocument(page);
  await person.context.close();
});
