import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { compactVerify, createLocalJWKSet } from "jose";
import { BASE_URL } from "./support/env";
import { linkIn, waitForEmail } from "./support/mail";
import { signInAs, testHook } from "./support/session";

type Trail = { outbox: { sequence: number; data: { purposeKey: string; status: string; source: string } }[]; audit: string[] };
const trail = async (email: string) => (await testHook({ action: "consent-trail", email })) as Trail;
const purposeSwitch = (page: Page, key: string) => page.locator(`button[role="switch"][data-purpose="${key}"]`);
const statusOf = (page: Page, key: string) => page.locator(`[data-purpose-row="${key}"] [data-testid="consent-status"]`);

async function freshPerson(browser: import("@playwright/test").Browser, label: string, headers?: Record<string, string>) {
  const email = `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  const context = await browser.newContext(headers ? { extraHTTPHeaders: headers } : {});
  await signInAs(context, email);
  return { email, context, page: await context.newPage() };
}

test("grant and withdraw with one click each; timeline, outbox and audit show both", async ({ browser }) => {
  const { email, context, page } = await freshPerson(browser, "toggle");
  await page.goto("/consents");
  await expect(purposeSwitch(page, "sms-offers")).toHaveAttribute("aria-checked", "false");
  await purposeSwitch(page, "sms-offers").click();
  await expect(statusOf(page, "sms-offers")).toHaveText("Annettu");
  await expect(purposeSwitch(page, "sms-offers")).toHaveAttribute("aria-checked", "true");
  await purposeSwitch(page, "sms-offers").click();
  await expect(statusOf(page, "sms-offers")).toHaveText("Peruttu");

  const rows = page.getByTestId("consent-timeline").locator('tr[data-event-purpose="sms-offers"]');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute("data-event-status", "WITHDRAWN");
  await expect(rows.nth(1)).toHaveAttribute("data-event-status", "GRANTED");

  const { outbox, audit } = await trail(email);
  expect(outbox.map((e) => [e.data.purposeKey, e.data.status, e.data.source])).toEqual([
    ["sms-offers", "GRANTED", "PORTAL"],
    ["sms-offers", "WITHDRAWN", "PORTAL"],
  ]);
  expect(outbox[1]!.sequence).toBe(outbox[0]!.sequence + 1);
  expect(audit).toHaveLength(2);
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag22aa"]).analyze()).violations).toEqual([]);
  await context.close();
});

test("withdraw all marketing in one action", async ({ browser }) => {
  const { email, context, page } = await freshPerson(browser, "withdraw-all");
  await page.goto("/consents");
  for (const key of ["sms-offers", "direct-mail"]) {
    await purposeSwitch(page, key).click();
    await expect(statusOf(page, key)).toHaveText("Annettu");
  }
  await page.getByRole("button", { name: "Peru kaikki markkinointisuostumukset" }).click();
  await expect(page.getByRole("status").filter({ hasText: "peruttiin" })).toHaveText("2 suostumusta peruttiin.");
  await expect(statusOf(page, "sms-offers")).toHaveText("Peruttu");
  await expect(statusOf(page, "direct-mail")).toHaveText("Peruttu");
  expect((await trail(email)).outbox).toHaveLength(4);
  await context.close();
});

test("double opt-in: pending until the emailed link is confirmed; a second use does nothing", async ({ browser }) => {
  const { email, context, page } = await freshPerson(browser, "doi");
  await page.goto("/consents");
  await purposeSwitch(page, "newsletter").click();
  await expect(statusOf(page, "newsletter")).toHaveText("Odottaa vahvistustasi");
  expect((await trail(email)).outbox.map((e) => e.data.status)).toEqual(["PENDING_CONFIRMATION"]);

  const link = linkIn(await waitForEmail(email), "/consents/confirm");
  const anonymous = await browser.newContext();
  const confirmPage = await anonymous.newPage();
  await confirmPage.goto(link);
  await confirmPage.getByRole("button", { name: "Vahvista" }).click();
  await expect(confirmPage.getByRole("status")).toHaveText("Kiitos, suostumuksesi on nyt voimassa.");

  await page.reload();
  await expect(statusOf(page, "newsletter")).toHaveText("Annettu");
  await confirmPage.goto(link);
  await expect(confirmPage.locator("main").getByRole("status")).toHaveText("Tämä suostumus oli jo vahvistettu.");
  expect((await trail(email)).outbox.map((e) => e.data.status)).toEqual(["PENDING_CONFIRMATION", "GRANTED"]);
  await anonymous.close();
  await context.close();
});

test("a downloaded receipt verifies against the published key; one changed character fails", async ({ browser }) => {
  const { context, page } = await freshPerson(browser, "receipt");
  await page.goto("/consents");
  await purposeSwitch(page, "direct-mail").click();
  await expect(statusOf(page, "direct-mail")).toHaveText("Annettu");

  const download = page.waitForEvent("download");
  await page.getByTestId("consent-timeline").getByRole("link", { name: /^Lataa kuitti/ }).first().click();
  const file = await (await download).path();
  const { receipt, jws } = JSON.parse(await (await import("node:fs/promises")).readFile(file, "utf8")) as { receipt: { consentReceiptID: string }; jws: string };

  const jwks = await (await fetch(`${BASE_URL}/.well-known/jwks.json`)).json();
  const verified = await compactVerify(jws, createLocalJWKSet(jwks));
  expect(JSON.parse(new TextDecoder().decode(verified.payload)).consentReceiptID).toBe(receipt.consentReceiptID);

  const [header, payload, signature] = jws.split(".");
  const flipped = payload!.slice(0, 10) + (payload![10] === "A" ? "B" : "A") + payload!.slice(11);
  await expect(compactVerify(`${header}.${flipped}.${signature}`, createLocalJWKSet(jwks))).rejects.toThrow();

  await page.goto("/receipts/verify");
  await page.getByLabel("Allekirjoitettu kuitti (JWS)").fill(jws);
  await page.getByRole("button", { name: "Tarkista" }).click();
  await expect(page.getByTestId("verify-result")).toContainText("Kuitti on aito");
  await page.getByLabel("Allekirjoitettu kuitti (JWS)").fill(`${header}.${flipped}.${signature}`);
  await page.getByRole("button", { name: "Tarkista" }).click();
  await expect(page.getByTestId("verify-result")).toContainText("Kuitti ei kelpaa");
  await context.close();
});

test("Sec-GPC: 1 withdraws the sharing purpose once, and only that", async ({ browser }) => {
  const { email, context, page } = await freshPerson(browser, "gpc");
  await page.goto("/consents");
  for (const key of ["partner-sharing", "sms-offers"]) {
    await purposeSwitch(page, key).click();
    await expect(statusOf(page, key)).toHaveText("Annettu");
  }
  const gpc: BrowserContext = await browser.newContext({ extraHTTPHeaders: { "Sec-GPC": "1" } });
  await signInAs(gpc, email);
  const gpcPage = await gpc.newPage();
  await gpcPage.goto("/consents");
  await expect(gpcPage.getByTestId("gpc-notice")).toContainText("Noudatimme sitä");
  await expect(statusOf(gpcPage, "partner-sharing")).toHaveText("Peruttu");
  await expect(statusOf(gpcPage, "sms-offers")).toHaveText("Annettu");
  await gpcPage.reload();
  await gpcPage.goto("/profile");
  await expect(gpcPage.getByTestId("gpc-notice")).toHaveCount(0);

  const gpcEvents = (await trail(email)).outbox.filter((e) => e.data.source === "GPC");
  expect(gpcEvents.map((e) => [e.data.purposeKey, e.data.status])).toEqual([["partner-sharing", "WITHDRAWN"]]);
  await gpc.close();
  await context.close();
});

test("only the exact value 1 counts as a GPC signal", async ({ browser }) => {
  const { email, context, page } = await freshPerson(browser, "gpc-other");
  await page.goto("/consents");
  await purposeSwitch(page, "partner-sharing").click();
  await expect(statusOf(page, "partner-sharing")).toHaveText("Annettu");
  const other = await browser.newContext({ extraHTTPHeaders: { "Sec-GPC": "true" } });
  await signInAs(other, email);
  const otherPage = await other.newPage();
  await otherPage.goto("/consents");
  await expect(statusOf(otherPage, "partner-sharing")).toHaveText("Annettu");
  await other.close();
  await context.close();
});

test("one-click unsubscribe works without a session; tampered, expired and other-purpose tokens change nothing", async ({ browser, request }) => {
  const { email, context, page } = await freshPerson(browser, "unsub");
  await page.goto("/consents");
  for (const key of ["sms-offers", "direct-mail"]) {
    await purposeSwitch(page, key).click();
    await expect(statusOf(page, key)).toHaveText("Annettu");
  }
  const mint = async (purposeKey: string, expiresInSeconds: number) => ((await testHook({ action: "mint-unsubscribe-token", email, purposeKey, expiresInSeconds })) as { token: string }).token;
  const post = (token: string, purpose?: string) =>
    request.post(`/api/unsubscribe?token=${encodeURIComponent(token)}${purpose ? `&purpose=${purpose}` : ""}`, { form: { "List-Unsubscribe": "One-Click" } });

  const token = await mint("sms-offers", 3600);
  const tampered = token.slice(0, -3) + (token.endsWith("A") ? "BBB" : "AAA");
  expect((await post(tampered)).status()).toBeGreaterThanOrEqual(400);
  expect((await post(await mint("sms-offers", -60))).status()).toBe(410);
  expect((await post(token, "direct-mail")).status()).toBe(403);
  expect((await trail(email)).outbox).toHaveLength(2);

  // The page asks first; the link's GET changes nothing.
  const anonymous = await browser.newContext();
  const unsubPage = await anonymous.newPage();
  await unsubPage.goto(`/unsubscribe?token=${encodeURIComponent(token)}`);
  await expect(unsubPage.getByRole("button", { name: "Peru tilaus" })).toBeVisible();
  expect((await trail(email)).outbox).toHaveLength(2);

  expect((await post(token)).status()).toBe(200);
  const after = (await trail(email)).outbox;
  expect(after.map((e) => [e.data.purposeKey, e.data.status, e.data.source]).at(-1)).toEqual(["sms-offers", "WITHDRAWN", "UNSUBSCRIBE_LINK"]);
  expect(after).toHaveLength(3);
  await page.reload();
  await expect(statusOf(page, "sms-offers")).toHaveText("Peruttu");
  await expect(statusOf(page, "direct-mail")).toHaveText("Annettu");
  await anonymous.close();
  await context.close();
});

test("a material new version needs renewal; renewing grants the new version", async ({ browser }) => {
  const key = `e2e-material-${Date.now()}`;
  await testHook({ action: "publish-purpose", key, title: "Testikirje", material: false });
  const { context, page } = await freshPerson(browser, "material");
  await page.goto("/consents");
  await purposeSwitch(page, key).click();
  await expect(statusOf(page, key)).toHaveText("Annettu");

  await testHook({ action: "publish-purpose", key, title: "Testikirje 2", material: true });
  await page.reload();
  await expect(page.locator(`[data-purpose-row="${key}"] [data-testid="needs-renewal"]`)).toBeVisible();
  await expect(purposeSwitch(page, key)).toHaveAttribute("aria-checked", "false");
  await purposeSwitch(page, key).click();
  await expect(page.locator(`[data-purpose-row="${key}"] [data-testid="needs-renewal"]`)).toHaveCount(0);
  await expect(statusOf(page, key)).toHaveText("Annettu");
  await expect(page.getByTestId("consent-timeline").locator(`tr[data-event-purpose="${key}"]`).first()).toContainText("Versio 2");
  await context.close();
});

test("the site publishes /.well-known/gpc.json", async ({ request }) => {
  const response = await request.get("/.well-known/gpc.json");
  expect(response.status()).toBe(200);
  expect((await response.json()).gpc).toBe(true);
});
