import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs, testHook } from "./support/session";

// Every portal and back-office page fits a narrow phone (360 px), a phone (390 px) and a desktop:
// no sideways scrolling of the page itself (wide tables stack or scroll inside their own focusable
// region), and no serious or critical axe finding on the phone or the desktop (axe at 360 px too
// would add a third of the spec's time and finds nothing the 390 px run does not). Each page is
// loaded once and checked at every size (the viewport changes under it), one signed-in context per role.
const sizes = [
  { name: "narrow phone", viewport: { width: 360, height: 740 }, axe: false },
  { name: "phone", viewport: { width: 390, height: 844 }, axe: true },
  { name: "desktop", viewport: { width: 1280, height: 800 }, axe: true },
] as const;
// CI runs on two busy cores: first renders and the worker are slow there.
const SLOW = { timeout: 60_000 };

/** What makes the page wider than the screen, named so a failure says where to look. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll("body *")]
      // Inside a table's scroll region only what escapes its clipping counts (positioned out of it).
      .filter((e) => e.getBoundingClientRect().right > width + 1 && (!e.closest(".table-wrap *") || ["absolute", "fixed"].includes(getComputedStyle(e).position)))
      .slice(0, 6)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${typeof e.className === "string" && e.className ? `.${e.className.trim().split(/\s+/).join(".")}` : ""} (right ${Math.round(e.getBoundingClientRect().right)})`);
  });
}

/** Checks the page that is open at every size: its width, then axe (phone and desktop). Soft, so one run names every page that fails. */
async function checkOpenPage(page: Page, label: string) {
  await expect(page.locator("h1").first()).toBeVisible(SLOW);
  for (const size of sizes) {
    await page.setViewportSize(size.viewport);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect.soft(scrollWidth, `${label}: page width ${scrollWidth} px on a ${innerWidth} px screen; sticking out: ${(await overflowing(page)).join(", ")}`).toBeLessThanOrEqual(innerWidth);
    if (!size.axe) continue;
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect.soft(serious, `${label} at ${size.viewport.width} px: serious or critical axe findings`).toEqual([]);
  }
}

/** Loads a page, then checks it at every size. */
async function checkPage(page: Page, path: string) {
  const response = await page.goto(path);
  expect.soft(response?.status(), `${path} status`).toBeLessThan(400);
  await checkOpenPage(page, path);
}

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext({ viewport: sizes[0].viewport });
  await signInAs(context, email);
  return { context, page: await context.newPage() };
}

/** A person of the test's own with an open objection request, so the request lists have a row. */
async function personWithRequest(browser: Browser) {
  const email = `responsive-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  const { context, page } = await signedIn(browser, email);
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

/** The first link on the open page whose address matches, e.g. a list's first row. */
async function firstLink(page: Page, pattern: RegExp) {
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.find((href) => pattern.test(href));
}

test("customer pages fit 360, 390 and 1280 px and pass axe", async ({ browser }) => {
  test.setTimeout(900_000);
  // Liisa has organisations (business IDs), consents and sessions: the tables have rows.
  const liisa = await signedIn(browser, "liisa.korhonen@example.com");
  for (const path of ["/", "/profile", "/profile/edit", "/profile/email", "/consents", "/activity", "/data", "/data/delete", "/sessions", "/requests/new"]) await checkPage(liisa.page, path);
  await liisa.page.goto("/profile");
  const report = await firstLink(liisa.page, /^\/profile\/report\/[^/?]+$/);
  expect(report, "Liisa's organisation has a report link").toBeTruthy();
  await checkPage(liisa.page, report!);
  await liisa.context.close();
  const requester = await personWithRequest(browser);
  await checkPage(requester.page, "/requests");
  await requester.context.close();
});

test("sign-in and public pages fit 360, 390 and 1280 px and pass axe", async ({ browser }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext({ viewport: sizes[0].viewport });
  const page = await context.newPage();
  for (const path of ["/signin", "/signin/check-email", "/signin/error", "/privacy", "/receipts/verify"]) await checkPage(page, path);
  await context.close();
});

test("back-office pages fit 360, 390 and 1280 px and pass axe", async ({ browser }) => {
  test.setTimeout(1_500_000);
  const stamp = `${Date.now()}`;
  const requester = await personWithRequest(browser);
  await requester.context.close();
  const { personId } = (await testHook({ action: "person-id", email: requester.email })) as { personId: string };
  const { personId: liisaId } = (await testHook({ action: "person-id", email: "liisa.korhonen@example.com" })) as { personId: string };
  // A public address (private ones are refused here); nothing answers on the closed test network,
  // so its test event stays in the delivery logs as a row with every column.
  const { systemId } = (await testHook({ action: "create-system", key: `responsive-${stamp}`, requiresErasureAck: false, scopes: ["events:ack"], webhookUrl: "https://192.0.1.1/omadata-responsive" })) as { systemId: string };
  const admin = await signedIn(browser, "admin@example.com");
  const { page } = admin;

  for (const path of ["/admin", "/admin/audit", "/admin/systems", "/admin/systems/new", "/admin/staff", "/admin/purposes", "/admin/purposes/new", "/admin/import", "/admin/queue", "/admin/tasks", "/admin/duplicates", "/admin/requests/new"]) {
    await checkPage(page, path);
  }

  await checkPage(page, `/admin/systems/${systemId}`);
  // The delivery logs with a row: the system's test event.
  await page.getByRole("button", { name: "Lähetä testitapahtuma" }).click();
  await expect(page.getByText("Testitapahtuma on matkalla.", { exact: false })).toBeVisible(SLOW);
  await checkPage(page, `/admin/systems/${systemId}/deliveries`);
  await expect(page.getByTestId("delivery-event").first()).toBeVisible();
  await checkPage(page, "/admin/deliveries");
  await expect(page.getByTestId("delivery-event").first()).toBeVisible();

  await checkPage(page, "/admin/purposes");
  const purpose = await firstLink(page, /^\/admin\/purposes\/(?!new$)[^/?]+$/);
  expect(purpose, "a purpose is listed").toBeTruthy();
  await checkPage(page, purpose!);

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
    await expect(page.getByTestId("search-reason")).toBeVisible(SLOW);
  }
  await checkPage(page, "/admin/persons?q=Korhonen");
  await expect(page.getByTestId("search-results")).toBeVisible();
  await page.goto(`/admin/persons/${personId}`);
  await page.getByTestId("reason-form").getByRole("radio").first().check();
  await page.getByTestId("reason-form").getByRole("button").click();
  await expect(page.getByTestId("person-name")).toBeVisible(SLOW);
  await checkPage(page, `/admin/persons/${personId}`);
  await checkPage(page, `/admin/persons/${personId}/correct`);

  // Two records side by side, after the comparison is recorded.
  await page.goto(`/admin/duplicates/merge?a=${personId}&b=${liisaId}`);
  const compare = page.getByRole("button", { name: "Vertaa" });
  if (await compare.isVisible()) {
    await compare.click();
    // The form, or, when both have portal accounts (Liisa has one once a test signed her in), why not.
    await expect(page.getByTestId("merge-form").or(page.getByTestId("both-accounts"))).toBeVisible(SLOW);
  }
  await checkOpenPage(page, "/admin/duplicates/merge");

  // A small file of the test's own: its column mapping, then a dry run's job page.
  await page.goto("/admin/import");
  await page.getByLabel("CSV-tiedosto", { exact: true }).setInputFiles({ name: `responsive-${stamp}.csv`, mimeType: "text/csv", buffer: Buffer.from(`Etunimi;Sukunimi;Sähköposti\nRaili;Reunanen;responsive-import-${stamp}@example.com\n`, "utf8") });
  await page.getByRole("button", { name: "Lataa", exact: true }).click();
  await page.waitForURL(/\/admin\/import\/(?!jobs)[^/]+$/, SLOW);
  await checkOpenPage(page, "/admin/import/[file]");
  await page.getByRole("button", { name: "Koeajo", exact: true }).click();
  await page.waitForURL(/\/admin\/import\/jobs\//, SLOW);
  await expect(page.getByTestId("import-outcome")).toBeVisible({ timeout: 120_000 });
  await checkOpenPage(page, "/admin/import/jobs/[job]");

  // A delivery and a manual task, when there are any (a test server's webhooks can only go to
  // public addresses, which CI cannot reach; tasks come from other tests): their pages too.
  await page.goto("/admin/deliveries");
  const delivery = await firstLink(page, /^\/admin\/deliveries\/[^/?]+$/);
  if (delivery) await checkPage(page, delivery);
  await page.goto("/admin/tasks");
  const task = await firstLink(page, /^\/admin\/tasks\/[^/?]+$/);
  if (task) await checkPage(page, task);
  await admin.context.close();
});
