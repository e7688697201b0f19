import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { linkIn, waitForEmail } from "./support/mail";
import { signInAs, testHook } from "./support/session";

// Passkeys through Chromium's virtual authenticator (DevTools protocol): a platform
// authenticator that holds discoverable credentials and answers at once, as a phone would.
async function virtualAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  return { credentials: async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials };
}

// Each test signs in, waits for emails or the worker and drives several pages on a shared machine.
test.describe.configure({ timeout: 180_000 });

const unique = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
const passkeys = (page: Page) => page.getByTestId("passkeys");

async function addPasskey(page: Page, name: string) {
  await page.goto("/sessions");
  const field = passkeys(page).getByLabel("Uuden pääsyavaimen nimi");
  // Offered: the browser's name, as the session list shows it (filled in once the form has
  // hydrated, so the click below is the form's, not a plain page reload).
  await expect(field).toHaveValue(/Chrome/, { timeout: 30_000 });
  await field.fill(name);
  await passkeys(page).getByRole("button", { name: "Lisää pääsyavain" }).click();
  await expect(passkeys(page).getByRole("status")).toHaveText("Pääsyavain lisättiin. Seuraavalla kerralla voit kirjautua sillä.");
  await expect(passkeys(page).getByRole("row", { name: new RegExp(name) })).toContainText("Ei vielä käytetty");
}

async function signInWithPasskey(page: Page) {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Kirjaudu pääsyavaimella" }).click();
}

test("a person adds a passkey after signing in by link, signs out, signs in with it (a recent sign-in), and removes it", async ({ browser }) => {
  const email = unique("passkey");
  const context = await browser.newContext();
  const page = await context.newPage();
  const authenticator = await virtualAuthenticator(context, page);

  // Signed in by the emailed link, the way back in that always stays.
  await page.goto("/signin");
  await page.getByLabel("Sähköpostiosoite").fill(email);
  await page.getByRole("button", { name: "Lähetä linkki" }).click();
  await expect(page).toHaveURL(/\/signin\/check-email$/);
  await page.goto(linkIn(await waitForEmail(email), "/api/auth/callback/nodemailer"));
  await expect(page).toHaveURL(/\/$/);

  await page.goto("/sessions");
  await expect(passkeys(page)).toContainText("Sinulla ei ole vielä pääsyavaimia.");
  await addPasskey(page, "Testipuhelin");
  expect(await authenticator.credentials()).toHaveLength(1);
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag22aa"]).analyze()).violations).toEqual([]);

  // An old sign-in may not add a passkey: the page asks for a fresh one.
  await testHook({ action: "age-sessions", email, minutes: 20 });
  await page.reload();
  await expect(passkeys(page).getByRole("heading", { name: "Kirjaudu uudelleen lisätäksesi pääsyavaimen" })).toBeVisible();

  await page.getByRole("button", { name: "Kirjaudu ulos", exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag22aa"]).analyze()).violations).toEqual([]);

  // Signed in with the passkey: no email asked for, and it counts as a recent sign-in.
  await signInWithPasskey(page);
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/sessions");
  await expect(passkeys(page).getByLabel("Uuden pääsyavaimen nimi")).toBeVisible();
  const row = passkeys(page).getByRole("row", { name: /Testipuhelin/ });
  await expect(row).not.toContainText("Ei vielä käytetty");
  await expect(row).toContainText(/\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\. \w+ \d{4}/);
  await expect(page.getByTestId("sessions").locator('tr[data-current="true"]')).toHaveCount(1);

  // Removed after the confirmation dialog: Cancel keeps it, Remove removes it.
  await row.getByRole("button", { name: "Poista pääsyavain: Testipuhelin" }).click();
  await page.getByTestId("confirm-dialog").getByRole("button", { name: "Peruuta" }).click();
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Poista pääsyavain: Testipuhelin" }).click();
  await page.getByTestId("confirm-dialog").getByRole("button", { name: "Poista" }).click();
  await expect(passkeys(page)).toContainText("Sinulla ei ole vielä pääsyavaimia.");

  // The authenticator still holds the credential, but it signs no one in any more.
  await page.getByRole("button", { name: "Kirjaudu ulos", exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signInWithPasskey(page);
  await expect(page.locator("main").getByRole("alert")).toHaveText("Kirjautuminen pääsyavaimella ei onnistunut. Yritä uudelleen tai pyydä linkki sähköpostiisi.");
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await context.close();
});

test("erasure deletes the person's passkeys: the passkey no longer signs in", async ({ browser }) => {
  const email = unique("passkey-erase");
  const context = await browser.newContext();
  const { userId } = await signInAs(context, email);
  const { personId } = (await testHook({ action: "person-id", email })) as { personId: string };
  const page = await context.newPage();
  await virtualAuthenticator(context, page);
  await addPasskey(page, "Poistuva avain");
  expect(await testHook({ action: "passkey-count", userId })).toEqual({ passkeys: 1 });

  await page.goto("/data/delete");
  await page.getByLabel("Ymmärrän, että tietoni poistetaan eikä sitä voi perua.").check();
  await page.getByRole("button", { name: "Poista tietoni" }).click();
  await expect(page.getByTestId("erasure-scheduled")).toBeVisible();
  await page.goto("/requests");
  const item = page.getByTestId("requests").locator('li[data-request-type="ERASURE"][data-request-status="RECEIVED"]');
  await expect(item).toHaveCount(1);
  const requestId = (await item.getAttribute("data-request-id"))!;
  expect((await testHook({ action: "schedule-erasure-now", requestId })).updated).toBe(1);
  await expect.poll(async () => ((await testHook({ action: "person-rows", personId })) as { person: { erasedAt: string | null } }).person.erasedAt, { timeout: 30_000 }).not.toBeNull();

  expect(await testHook({ action: "passkey-count", userId })).toEqual({ passkeys: 0 });
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await signInWithPasskey(page);
  await expect(page.locator("main").getByRole("alert")).toHaveText("Kirjautuminen pääsyavaimella ei onnistunut. Yritä uudelleen tai pyydä linkki sähköpostiisi.");
  await context.close();
});
