import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser } from "@playwright/test";
import { BASE_URL } from "./support/env";
import { emailsTo, linkIn, type CapturedEmail } from "./support/mail";
import { signInAs, testHook } from "./support/session";

// A manual system end to end: an admin adds one in the back-office, a person it holds asks for
// erasure and an officer approves it, the owner's email arrives with a link to the task, an
// officer marks the task done with a note, and only then does the erasure complete.

const ADMIN = "admin@example.com";
const OFFICER = "sanna.privacy@example.com";
const axeTags = ["wcag2a", "wcag2aa", "wcag22aa"];
const stamp = () => `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  await signInAs(context, email);
  return { context, page: await context.newPage() };
}

async function waitForEmailWith(address: string, subject: string): Promise<CapturedEmail> {
  let found: CapturedEmail | undefined;
  await expect
    .poll(async () => {
      found = (await emailsTo(address)).find((m) => m.subject === subject);
      return Boolean(found);
    }, { timeout: 30_000 })
    .toBe(true);
  return found!;
}

test("an admin adds a manual system; an approved erasure of a person it holds waits for its owner's task, done by an officer, then completes", async ({ browser, playwright }) => {
  test.setTimeout(180_000);
  const tag = stamp();
  const key = `old-erp-${tag.slice(-5)}`;
  const name = `Vanha ERP ${tag.slice(-5)}`;
  const ownerEmail = `erp-owner-${tag}@example.com`;

  // The admin adds the system: manual, with its owner's address and instructions.
  const admin = await signedIn(browser, ADMIN);
  await admin.page.goto("/admin/systems/new");
  await admin.page.getByLabel("Tunnus", { exact: true }).fill(key);
  await admin.page.getByLabel("Nimi", { exact: true }).fill(name);
  await admin.page.getByLabel("Manuaalinen järjestelmä (ei liitetty)").check();
  await expect(admin.page.getByLabel("Webhook-osoite")).toHaveCount(0);
  // Without the owner's address and instructions it is refused, with messages at the fields.
  await admin.page.getByRole("button", { name: "Liitä" }).click();
  await expect(admin.page.getByText("Anna kelvollinen sähköpostiosoite.")).toBeVisible();
  await expect(admin.page.getByText("Kerro omistajalle, mitä tehdä.")).toBeVisible();
  await admin.page.getByLabel("Omistajan sähköpostiosoite").fill(ownerEmail);
  await admin.page.getByLabel("Ohjeet omistajalle").fill("Asiakkaat → haku sähköpostilla → Poista");
  await admin.page.getByRole("button", { name: "Liitä" }).click();
  await expect(admin.page).toHaveURL(/\/admin\/systems\/[^/]+$/, { timeout: 20_000 });
  await expect(admin.page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(admin.page.getByText("Manuaalinen järjestelmä: sen omistaja saa")).toBeVisible();

  // The person's id in the old ERP is known (linked through the API with a key of the system).
  await admin.page.locator("#key-name").fill("linking");
  await admin.page.locator('input[id="scope-persons:write"]').check();
  await admin.page.getByRole("button", { name: "Luo avain" }).click();
  const apiKey = (await admin.page.getByTestId("shown-once").textContent())!.trim();
  const email = `erp-person-${tag}@example.com`;
  const person = await signedIn(browser, email);
  const { personId } = (await testHook({ action: "person-id", email })) as { personId: string };
  const externalId = `ERP-${tag}`;
  const api = await playwright.request.newContext({ extraHTTPHeaders: { authorization: `Bearer ${apiKey}` } });
  expect((await api.post(`${BASE_URL}/api/v1/persons/${personId}/external-ids`, { data: { externalId } })).status()).toBe(201);
  await api.dispose();

  // The profile says, by name, that the ERP is updated by hand by its owner.
  await person.page.goto("/profile");
  await expect(person.page.getByTestId("systems")).toContainText(name);
  await expect(person.page.getByTestId("systems")).toContainText("Ei liitetty: järjestelmän omistaja päivittää sen käsin");
  await expect(person.page.getByTestId("systems")).not.toContainText(key);

  // The person asks for erasure; the officer approves it at once.
  await person.page.goto("/data/delete");
  await person.page.getByLabel("Ymmärrän, että tietoni poistetaan eikä sitä voi perua.").check();
  await person.page.getByRole("button", { name: "Poista tietoni" }).click();
  await expect(person.page.getByTestId("erasure-scheduled")).toBeVisible();
  await person.page.goto("/requests");
  const item = person.page.getByTestId("requests").locator('li[data-request-type="ERASURE"][data-request-status="RECEIVED"]');
  await expect(item).toHaveCount(1);
  const requestId = (await item.getAttribute("data-request-id"))!;
  const officer = await signedIn(browser, OFFICER);
  await officer.page.goto(`/admin/requests/${requestId}`);
  await officer.page.getByRole("button", { name: "Hyväksy nyt: poista heti" }).click();
  await officer.page.getByRole("dialog", { name: "Poistetaanko henkilön tiedot nyt?" }).getByRole("button", { name: "Poista nyt" }).click();
  await expect(officer.page.locator("h1 .badge").first()).toHaveText("Odottaa liitettyjä järjestelmiä");
  await expect(officer.page.locator("p.warning")).toContainText(name);
  await expect(officer.page.getByTestId("manual-tasks")).toContainText("Avoin");

  // The owner's email: what to do, the identifiers the ERP knows, and the link to the task.
  const mail = await waitForEmailWith(ownerEmail, `Poista henkilö järjestelmästä ${name}`);
  expect(mail.text).toContain(email);
  expect(mail.text).toContain(externalId);
  expect(mail.text).toContain("Asiakkaat → haku sähköpostilla → Poista");
  const link = linkIn(mail, "/admin/tasks/");

  // A worker pass completes nothing while the task is open.
  await testHook({ action: "run-request-jobs" });
  await officer.page.reload();
  await expect(officer.page.locator("h1 .badge").first()).toHaveText("Odottaa liitettyjä järjestelmiä");

  // The officer opens the link and marks the task done with a note.
  await officer.page.goto(link);
  await expect(officer.page.getByRole("heading", { level: 1 })).toHaveText(`Poista henkilö järjestelmästä ${name}`);
  await expect(officer.page.getByTestId("task-external-ids")).toHaveText(externalId);
  expect((await new AxeBuilder({ page: officer.page }).withTags(axeTags).analyze()).violations).toEqual([]);
  await officer.page.getByRole("button", { name: "Merkitse tehdyksi" }).click();
  await expect(officer.page.locator("form .form-error")).toHaveText("Kirjoita, mitä tehtiin.");
  await officer.page.getByLabel("Mitä tehtiin").fill("Poistettu vanhasta ERP:stä, omistaja vahvisti puhelimessa.");
  await officer.page.getByRole("button", { name: "Merkitse tehdyksi" }).click();
  await expect(officer.page.getByTestId("task-status")).toContainText("Tehty", { timeout: 20_000 });
  await expect(officer.page.getByTestId("task-note")).toHaveText("Poistettu vanhasta ERP:stä, omistaja vahvisti puhelimessa.");
  await expect(officer.page.getByTestId("task-external-ids")).toHaveCount(0);

  // The erasure completes with it (or, should another test's acknowledging system still be
  // pending, on the worker's next sweep once that one is done).
  await officer.page.goto(`/admin/requests/${requestId}`);
  await expect(officer.page.getByTestId("manual-tasks")).toContainText("Tehty");
  await expect(async () => {
    await officer.page.reload();
    await expect(officer.page.locator("h1 .badge").first()).toHaveText("Valmis", { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(officer.page.locator("p.warning")).toHaveCount(0);

  await admin.context.close();
  await person.context.close();
  await officer.context.close();
});
