import { expect, test } from "@playwright/test";
import { signInAs } from "./support/session";

// Person A must not reach person B's data through any page or action, however ids are tampered.
test("ending a session by another person's session id is refused and B stays signed in", async ({ browser }) => {
  const stamp = Date.now();
  const a = await browser.newContext();
  const b = await browser.newContext();
  await signInAs(a, `access-a-${stamp}@example.com`);
  await signInAs(a, `access-a-${stamp}@example.com`); // a second session of A, so the end button shows
  await signInAs(b, `access-b-${stamp}@example.com`);
  await signInAs(b, `access-b-${stamp}@example.com`);

  const bPage = await b.newPage();
  await bPage.goto("/sessions");
  const bOtherSessionId = await bPage.locator("button[data-session-id]").first().getAttribute("data-session-id");
  expect(bOtherSessionId).toBeTruthy();

  const aPage = await a.newPage();
  await aPage.goto("/sessions");
  const button = aPage.locator("button[data-session-id]").first();
  await button.evaluate((el, id) => el.setAttribute("data-session-id", id!), bOtherSessionId);
  await button.click();
  // A refusal, so an alert that stays (not a passing status).
  await expect(aPage.locator("main").getByRole("alert")).toHaveText("Istuntoa ei enää ole.");

  await bPage.reload();
  await expect(bPage.getByTestId("sessions").locator("tbody tr")).toHaveCount(2);
  await a.close();
  await b.close();
});

test("an organisation the person does not act for cannot be opened or reported", async ({ browser }) => {
  const context = await browser.newContext();
  await signInAs(context, "maija.meikalainen@example.com");
  const page = await context.newPage();
  await page.goto("/profile");
  const ownReport = page.locator('[data-organisation="1234567-1"] a');
  const ownHref = (await ownReport.getAttribute("href"))!;

  // Anna's organisation (Pohjolan Puu Ab) is not Maija's: find its id through Anna's own page.
  const anna = await browser.newContext();
  await signInAs(anna, "anna.lindqvist@example.com");
  const annaPage = await anna.newPage();
  await annaPage.goto("/profile");
  const foreignHref = (await annaPage.locator('[data-organisation="2345678-0"] a').getAttribute("href"))!;
  const foreignId = foreignHref.split("/").pop()!;
  await anna.close();

  expect((await page.goto(foreignHref))?.status()).toBe(404);

  // Tamper with the server action's request body on its way: the own organisation id becomes Anna's.
  const ownId = ownHref.split("/").pop()!;
  await page.route(`**${ownHref}`, async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    await route.continue({ postData: (request.postData() ?? "").replaceAll(ownId, foreignId) });
  });
  await page.goto(ownHref);
  await page.getByLabel("Mikä on väärin?").fill("Tampered report about someone else's organisation");
  await page.getByRole("button", { name: "Lähetä" }).click();
  await expect(page.locator("#description-error")).toHaveText("Et voi tehdä ilmoitusta tästä organisaatiosta.");

  await page.goto("/activity");
  await expect(page.getByTestId("activity").locator('tr[data-action="request.received"]')).toHaveCount(0);
  await context.close();
});

test("the portal answers only from the session: unauthenticated pages and actions redirect to sign-in", async ({ page }) => {
  for (const path of ["/", "/profile", "/profile/edit", "/profile/email", "/activity", "/sessions"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/signin/);
  }
});
