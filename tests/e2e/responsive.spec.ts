import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs, testHook } from "./support/session";

// Every portal and back-office page fits a phone (no sideways scrolling of the page itself; wide
// tables stack or scroll inside their own focusable region) and a desktop, with no serious or
// critical axe finding at either size.
const sizes = [
  { name: "phone", viewport: { width: 390, height: 844 } },
  { name: "desktop", viewport: { width: 1280, height: 800 } },
] as const;

/** Loads a page and checks it: its width, then axe. Soft, so one run names every page that fails. */
async function checkPage(page: Page, path: string) {
  const response = await page.goto(path);
  expect.soft(response?.status(), `${path} status`).toBeLessThan(400);
  await expect(page.locator("h1").first()).toBeVisible();
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect.soft(scrollWidth, `${path}: page width ${scrollWidth} px on a ${innerWidth} px screen`).toBeLessThanOrEqual(innerWidth);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect.soft(serious, `${path}: serious or critical axe findings`).toEqual([]);
}

async function signedIn(browser: Browser, viewport: { width: number; height: number }, email: string) {
  const context = await browser.newContext({ viewport });
  await signInAs(context, email);
  return { context, page: await context.newPage() };
}

/** A person of the test's own with an open objection request, so the request lists have a row. */
async function personWithRequest(browser: Browser, viewport: { width: number; height: number }) {
  const email = `responsive-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  const { context, page } = await signedIn(browser, viewport, email);
  await page.goto("/requests/new");
  // Retried: a click before the form has hydrated reloads the page instead of sending.
  await expect(async () => {
    const objection = page.getByRole("region", { name: "Vastusta käsittelyä" });
    await objection.getByRole("checkbox").first().check();
    await objection.getByRole("button", { name: "Lähetä vastustus" }).click();
    await page.waitForURL(/\/requests\?sent=1$/, { timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  return { email, context, page };
}

for (const size of sizes) {
  test(`customer pages fit a ${size.name} (${size.viewport.width} px) and pass axe`, async ({ browser }) => {
    test.setTimeout(240_000);
    // Liisa has organisations (business IDs), consents and sessions: the tables have rows.
    const liisa = await signedIn(browser, size.viewport, "liisa.korhonen@example.com");
    for (const path of ["/", "/profile", "/consents", "/activity", "/data", "/data/delete", "/sessions"]) await checkPage(liisa.page, path);
    await liisa.context.close();
    const requester = await personWithRequest(browser, size.viewport);
    await checkPage(requester.page, "/requests");
    await requester.context.close();
  });

  test(`sign-in pages fit a ${size.name} (${size.viewport.width} px) and pass axe`, async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ viewport: size.viewport });
    const page = await context.newPage();
    for (const path of ["/signin", "/signin/check-email", "/signin/error"]) await checkPage(page, path);
    await context.close();
  });

  test(`back-office pages fit a ${size.name} (${size.viewport.width} px) and pass axe`, async ({ browser }) => {
    test.setTimeout(360_000);
    const requester = await personWithRequest(browser, size.viewport);
    await requester.context.close();
    const { personId } = (await testHook({ action: "person-id", email: requester.email })) as { personId: string };
    const { systemId } = (await testHook({ action: "create-system", key: `responsive-${Date.now()}`, requiresErasureAck: false, scopes: ["events:ack"] })) as { systemId: string };
    const admin = await signedIn(browser, size.viewport, "admin@example.com");
    const { page } = admin;

    for (const path of ["/admin", "/admin/audit", "/admin/systems", `/admin/systems/${systemId}`, "/admin/deliveries", "/admin/staff", "/admin/purposes", "/admin/import", "/admin/queue", "/admin/tasks", "/admin/duplicates"]) {
      await checkPage(page, path);
    }

    await checkPage(page, "/admin/requests");
    const row = page.getByTestId("request-queue").locator("tr").filter({ hasText: requester.email });
    await expect(row).toHaveCount(1);
    await checkPage(page, `/admin/requests/${await row.getAttribute("data-request-id")}`);

    // The search and the record ask for a reason first; the pages are checked with their results.
    await page.goto("/admin/persons");
    const reason = page.getByTestId("search-reason-form");
    if (await reason.isVisible()) {
      await reason.getByRole("radio").first().check();
      await reason.getByRole("button").click();
      await expect(page.getByTestId("search-reason")).toBeVisible();
    }
    await checkPage(page, "/admin/persons?q=Korhonen");
    await expect(page.getByTestId("search-results")).toBeVisible();
    await page.goto(`/admin/persons/${personId}`);
    await page.getByTestId("reason-form").getByRole("radio").first().check();
    await page.getByTestId("reason-form").getByRole("button").click();
    await expect(page.getByTestId("person-name")).toBeVisible();
    await checkPage(page, `/admin/persons/${personId}`);
    await admin.context.close();
  });
}
