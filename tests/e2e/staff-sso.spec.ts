// Staff sign-in through a real OpenID Connect provider (support/oidc-provider.ts, started with the
// suite): the role comes from the token's groups at every sign-in, an unmapped account and a
// tampered state are refused, and STAFF_SSO_ONLY (on a second instance of the app, so the other
// specs keep emailing staff links) sends a staff address no link.
import { expect, test, type Page } from "@playwright/test";
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ISSUER, OIDC_ROLE_MAP, OIDC_SSO_ONLY_PORT, SMTP_PORT } from "./support/env";
import { emailsTo, waitForEmail } from "./support/mail";
import { startSecondInstance, type SecondInstance } from "./support/second-instance";

const STAFF_BUTTON = "Henkilökunnan kirjautuminen";

/** What the identity provider says about the account `login` (its ID token's claims). */
async function setAccount(login: string, claims: { email: string; email_verified?: boolean; groups: string[] }) {
  const res = await fetch(`${OIDC_ISSUER}/test/accounts/${login}`, { method: "POST", body: JSON.stringify({ email_verified: true, ...claims }) });
  if (res.status !== 204) throw new Error(`setting the account failed: ${res.status}`);
}

const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

/** From the sign-in page through the provider's login page (any password), back to the app. */
async function signInThroughProvider(page: Page, login: string) {
  await page.goto("/signin");
  await page.getByRole("button", { name: STAFF_BUTTON }).click();
  await page.waitForURL((url) => url.href.startsWith(OIDC_ISSUER), { timeout: 30_000 });
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

const backOfficeNav = (page: Page) => page.getByRole("navigation", { name: "Ylläpidon osiot" });

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Kirjaudu ulos" }).click();
  await expect(page).toHaveURL(/\/signin/, { timeout: 30_000 });
}

// Each test goes through the provider and the app several times: slow on a busy machine.
test.beforeEach(() => test.setTimeout(180_000));

test("a staff member signs in through the identity provider with the role their group maps to, and a changed group changes it at the next sign-in", async ({ browser }) => {
  const login = unique("sso-staff");
  await setAccount(login, { email: `${login}@example.com`, groups: ["everyone", "omadata-admins"] });
  const context = await browser.newContext();
  const page = await context.newPage();

  await signInThroughProvider(page, login);
  await expect(page).toHaveURL(/\/admin$/, { timeout: 30_000 });
  await expect(backOfficeNav(page).getByRole("link", { name: "Henkilökunta" })).toBeVisible();
  expect((await page.goto("/admin/staff"))?.status()).toBe(200);

  await signOut(page);

  // The provider still knows the browser, so the next sign-in comes straight back with the new groups.
  await setAccount(login, { email: `${login}@example.com`, groups: ["support"] });
  await page.goto("/signin");
  await page.getByRole("button", { name: STAFF_BUTTON }).click();
  await expect(page).toHaveURL(/\/admin$/, { timeout: 30_000 });
  await expect(backOfficeNav(page).getByRole("link", { name: "Asiakkaat" })).toBeVisible();
  await expect(backOfficeNav(page).getByRole("link", { name: "Henkilökunta" })).toHaveCount(0);
  await expect(backOfficeNav(page).getByRole("link", { name: "Tapahtumaloki" })).toHaveCount(0);
  expect((await page.goto("/admin/staff"))?.status()).toBe(403);
  await context.close();
});

test("an account whose groups map to no role is refused with a clear message and gets no session", async ({ browser }) => {
  const login = unique("sso-nobody");
  await setAccount(login, { email: `${login}@example.com`, groups: ["everyone"] });
  const context = await browser.newContext();
  const page = await context.newPage();

  await signInThroughProvider(page, login);
  await expect(page).toHaveURL(/\/signin\/error\?error=StaffNoRole$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Henkilökunnan kirjautuminen ei onnistunut");
  await expect(page.locator("main").getByRole("alert")).toHaveText(
    "Yrityksen käyttäjätunnuksellasi ei ole pääsyä Omadatan hallintaan. Pyydä ylläpitäjää lisäämään sinut ryhmään, jolla on pääsy.",
  );
  expect((await context.cookies()).filter((c) => c.name.endsWith("authjs.session-token"))).toEqual([]);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin$/);
  await context.close();
});

test("a callback whose state was tampered with is refused; the untouched one then signs in", async ({ browser }) => {
  const login = unique("sso-state");
  await setAccount(login, { email: `${login}@example.com`, groups: ["privacy"] });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughProvider(page, login);
  await expect(page).toHaveURL(/\/admin$/, { timeout: 30_000 });
  await signOut(page);

  // The provider knows the browser now, so its authorization endpoint answers at once with the
  // redirect to the callback: held here, instead of followed.
  let callback = "";
  await page.route(
    (url) => url.href.startsWith(`${OIDC_ISSUER}/auth?`),
    async (route) => {
      const response = await route.fetch({ maxRedirects: 0 });
      callback = response.headers()["location"] ?? "";
      await route.fulfill({ status: 200, contentType: "text/html", body: "<p>held</p>" });
    },
  );
  await page.goto("/signin");
  await page.getByRole("button", { name: STAFF_BUTTON }).click();
  await expect.poll(() => callback, { timeout: 30_000 }).toContain("/api/auth/callback/oidc?");
  await page.unrouteAll();
  const tampered = new URL(callback);
  const state = tampered.searchParams.get("state")!;
  tampered.searchParams.set("state", `${state.slice(0, -4)}${state.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`);

  await page.goto(tampered.href);
  await expect(page).toHaveURL(/\/signin\/error/, { timeout: 30_000 });
  await expect(page.locator("main").getByRole("alert")).toHaveText("Kirjautuminen ei onnistunut. Pyydä uusi linkki.");
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin$/);

  await page.goto(callback);
  await expect(page).toHaveURL(/\/admin$/, { timeout: 30_000 });
  await expect(backOfficeNav(page).getByRole("link", { name: "Tapahtumaloki" })).toBeVisible();
  await context.close();
});

test.describe("STAFF_SSO_ONLY", () => {
  const url = `http://localhost:${OIDC_SSO_ONLY_PORT}`;
  let instance: SecondInstance | undefined;

  test.beforeAll(async () => {
    test.setTimeout(150_000);
    instance = startSecondInstance({
      name: "the STAFF_SSO_ONLY instance",
      dirName: "sso-only",
      port: OIDC_SSO_ONLY_PORT,
      url,
      env: {
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        SIGNIN_LIMIT_PER_IP: "10000",
        OIDC_ISSUER,
        OIDC_CLIENT_ID,
        OIDC_CLIENT_SECRET,
        OIDC_ROLE_MAP,
        STAFF_SSO_ONLY: "true",
      },
      unset: ["ADMIN_EMAILS"],
      readyWhen: "healthy",
      timeoutMs: 120_000,
    });
    await instance.ready();
  });

  test.afterAll(async () => instance?.stop());

  test("an emailed link is refused for a staff address, answered as for any address; customers still get theirs", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: url });
    const page = await context.newPage();
    // A staff member, made by signing in through the provider once.
    const login = unique("sso-only");
    const staffEmail = `${login}@example.com`;
    await setAccount(login, { email: staffEmail, groups: ["support"] });
    await signInThroughProvider(page, login);
    await expect(page).toHaveURL(/\/admin$/, { timeout: 30_000 });
    await signOut(page);

    const requestLink = async (email: string) => {
      await page.goto("/signin");
      await expect(page.getByText("Henkilökunta kirjautuu yrityksen käyttäjätunnuksella: henkilökunnan osoitteisiin ei lähetetä kirjautumislinkkejä.")).toBeVisible();
      await page.getByLabel("Sähköpostiosoite").fill(email);
      await page.getByRole("button", { name: "Lähetä linkki" }).click();
      await expect(page).toHaveURL(/\/signin\/check-email$/);
      await expect(page.getByText("Henkilökunnalle ei lähetetä linkkiä sähköpostilla")).toBeVisible();
    };
    await requestLink(staffEmail.toUpperCase());
    // A customer's link, asked for after the staff one, arrives: links are sent before the page answers.
    const customerEmail = `${unique("sso-only-customer")}@example.com`;
    await requestLink(customerEmail);
    await waitForEmail(customerEmail);
    expect(await emailsTo(staffEmail)).toEqual([]);
    await context.close();
  });

  test("the instance logs the loopback issuer warning and nothing personal", () => {
    expect(instance?.log()).toContain("is plain http, accepted only because it is a loopback address");
    expect(instance?.log()).not.toMatch(/@example\.com|authjs\.session-token=/);
  });
});
