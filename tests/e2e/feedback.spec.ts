// The back-office asks before what cannot be undone (in a labelled modal dialog: Cancel and
// Escape change nothing, focus comes back), copies one-time secrets, names the staff member in
// a request's timeline and the person in the audit trail.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { signInAs, testHook } from "./support/session";

const OFFICER = "sanna.privacy@example.com";
const ADMIN = "admin@example.com";
const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

async function as(browser: Browser, email: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  await signInAs(context, email);
  return { context, page: await context.newPage() };
}

/** A fresh person with a name who asks for erasure in the portal; returns the request's id. */
async function personRequestingErasure(browser: Browser) {
  const email = `${unique("feedback-erasure")}@example.com`;
  const person = await as(browser, email);
  await person.page.goto("/profile/edit");
  await person.page.getByLabel("Etunimi", { exact: true }).fill("Eero");
  await person.page.getByLabel("Sukunimi", { exact: true }).fill("Esimerkki");
  await person.page.getByRole("button", { name: "Tallenna" }).click();
  await expect(person.page).toHaveURL(/\/profile\?saved=1$/);
  await person.page.goto("/data/delete");
  await person.page.getByLabel("Ymmärrän, että tietoni poistetaan eikä sitä voi perua.").check();
  await person.page.getByRole("button", { name: "Poista tietoni" }).click();
  await expect(person.page.getByTestId("erasure-scheduled")).toBeVisible();
  await person.page.goto("/requests");
  const item = person.page.getByTestId("requests").locator('li[data-request-type="ERASURE"]');
  const requestId = (await item.getAttribute("data-request-id"))!;
  return { ...person, email, requestId };
}

const badge = (page: Page) => page.locator("h1 .badge").first();

test("approve-now erasure asks first; Cancel and Escape change nothing and focus returns", async ({ browser }) => {
  const person = await personRequestingErasure(browser);
  const officer = await as(browser, OFFICER);
  await officer.page.goto(`/admin/requests/${person.requestId}`);
  await expect(badge(officer.page)).toHaveText("Vastaanotettu");
  const approve = officer.page.getByRole("button", { name: "Hyväksy nyt: poista heti" });

  await approve.click();
  const dialog = officer.page.getByRole("dialog", { name: "Poistetaanko henkilön tiedot nyt?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("eikä sitä voi perua");
  // Cancel has the focus, so an Enter pressed by habit does not erase anyone.
  await expect(dialog.getByRole("button", { name: "Peruuta" })).toBeFocused();
  expect((await new AxeBuilder({ page: officer.page }).include("dialog").withTags(["wcag2a", "wcag2aa", "wcag22aa"]).analyze()).violations).toEqual([]);
  await dialog.getByRole("button", { name: "Peruuta" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(approve).toBeFocused();

  await approve.click();
  await expect(dialog).toBeVisible();
  await officer.page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(approve).toBeFocused();

  // Nothing happened: still received, nothing in the timeline but its receipt.
  await officer.page.reload();
  await expect(badge(officer.page)).toHaveText("Vastaanotettu");
  await expect(officer.page.getByTestId("timeline").locator('li[data-step="approved"]')).toHaveCount(0);
  await person.page.goto("/requests");
  await expect(person.page.getByTestId("requests").locator(`li[data-request-id="${person.requestId}"]`)).toHaveAttribute("data-request-status", "RECEIVED");

  // The officer's note is a step by them: the timeline names them, not just "staff".
  await officer.page.locator("#note").fill("Soitin asiakkaalle.");
  await officer.page.getByRole("button", { name: "Lisää muistiinpano" }).click();
  const note = officer.page.getByTestId("timeline").locator('li[data-step="note"]');
  await expect(note).toContainText(`tekijä: ${OFFICER}`);
  // "Done." goes away on the next edit of the form.
  const noteForm = officer.page.locator("form", { has: officer.page.getByRole("button", { name: "Lisää muistiinpano" }) });
  await expect(noteForm.getByRole("status")).toHaveText("Tehty.");
  await officer.page.locator("#note").fill("Toinen");
  await expect(noteForm.getByRole("status")).toHaveCount(0);

  // The audit trail names the person, not an id prefix every recent person shares.
  await officer.page.goto("/admin/audit?action=request.*");
  const cell = officer.page.getByTestId("audit-entries").locator("td a[data-person-label]").filter({ hasText: "Eero Esimerkki" });
  await expect(cell.first()).toBeVisible();
  await expect(cell.first()).toHaveAttribute("data-person-label", "named");
  await person.context.close();
  await officer.context.close();
});

test("a role change asks first; Cancel puts the role back; confirmed, it changes", async ({ browser }) => {
  const admin = await as(browser, ADMIN);
  const email = `${unique("feedback-staff")}@example.com`;
  await admin.page.goto("/admin/staff");
  await admin.page.getByLabel("Sähköposti").fill(email);
  await admin.page.getByRole("button", { name: "Kutsu" }).click();
  const select = admin.page.getByLabel(`Käyttäjän ${email} rooli`);
  await expect(select).toHaveValue("SUPPORT");

  await select.selectOption("PRIVACY_OFFICER");
  const dialog = admin.page.getByRole("dialog", { name: `Vaihdetaanko käyttäjän ${email} rooli: asiakaspalvelija → tietosuojavastaava?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Peruuta" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(select).toHaveValue("SUPPORT");
  await admin.page.reload();
  await expect(admin.page.getByLabel(`Käyttäjän ${email} rooli`)).toHaveValue("SUPPORT");

  await admin.page.getByLabel(`Käyttäjän ${email} rooli`).selectOption("PRIVACY_OFFICER");
  await admin.page.getByRole("dialog").getByRole("button", { name: "Vaihda rooliksi tietosuojavastaava" }).click();
  await expect(admin.page.locator(`tr[data-email="${email}"]`).getByRole("status")).toHaveText("Rooli vaihdettu.");
  await admin.page.reload();
  await expect(admin.page.getByLabel(`Käyttäjän ${email} rooli`)).toHaveValue("PRIVACY_OFFICER");

  // Removal asks in the same dialog (no browser confirm); Cancel keeps them.
  await admin.page.getByTestId(`remove-${email}`).click();
  const remove = admin.page.getByRole("dialog", { name: `Poistetaanko ${email} ylläpidosta? Hänen oma asiakastilinsä säilyy.` });
  await expect(remove).toBeVisible();
  await remove.getByRole("button", { name: "Peruuta" }).click();
  await admin.page.reload();
  await expect(admin.page.locator(`tr[data-email="${email}"]`)).toHaveCount(1);
  await admin.page.getByTestId(`remove-${email}`).click();
  await admin.page.getByRole("dialog").getByRole("button", { name: "Poista" }).click();
  await expect(admin.page.locator(`tr[data-email="${email}"]`)).toHaveCount(0);
  await admin.context.close();
});

test("a new API key has a copy button that copies it and says so; revoking asks first", async ({ browser }) => {
  const { systemId } = (await testHook({ action: "create-system", key: unique("feedback-sys"), requiresErasureAck: false, scopes: ["consents:read"] })) as { systemId: string };
  const admin = await as(browser, ADMIN, { permissions: ["clipboard-read", "clipboard-write"] });
  await admin.page.goto(`/admin/systems/${systemId}`);
  await admin.page.locator("#key-name").fill("Kopioitava avain");
  await admin.page.locator('input[type="checkbox"][value="consents:read"]').check();
  await admin.page.getByRole("button", { name: "Luo avain" }).click();
  const shown = admin.page.getByTestId("shown-once");
  await expect(shown).toBeVisible();
  const key = (await shown.textContent())!.trim();

  await admin.page.getByRole("button", { name: /^Kopioi: / }).click();
  await expect(admin.page.getByTestId("copy-outcome")).toHaveText("Kopioitu.");
  expect(await admin.page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  // Revoking asks; Cancel leaves every key unrevoked.
  await admin.page.reload();
  const revokeButtons = admin.page.getByRole("button", { name: /^Mitätöi avain / });
  const keys = await revokeButtons.count();
  expect(keys).toBeGreaterThanOrEqual(2);
  await revokeButtons.last().click();
  const dialog = admin.page.getByRole("dialog");
  await expect(dialog).toContainText("Tätä ei voi perua");
  await dialog.getByRole("button", { name: "Peruuta" }).click();
  await expect(dialog).toHaveCount(0);
  await admin.page.reload();
  await expect(admin.page.getByRole("button", { name: /^Mitätöi avain / })).toHaveCount(keys);
  await admin.context.close();
});
