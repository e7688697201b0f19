// Server actions refuse a post from another origin (CSRF) with a 403, before the action runs;
// the same post from the app's own origin goes through, so the refusal is not just breakage.
import { expect, test, type Request } from "@playwright/test";
import { BASE_URL } from "./support/env";
import { signInAs, testHook } from "./support/session";

const EVIL = "https://evil.example";
const freshEmail = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
const consentEvents = async (email: string) => ((await testHook({ action: "consent-trail", email })) as { outbox: { data: { purposeKey: string; status: string } }[] }).outbox;

test("a consent switch's action posted from another origin is refused and changes nothing", async ({ browser }) => {
  const email = freshEmail("csrf-consent");
  const context = await browser.newContext();
  await signInAs(context, email);
  const page = await context.newPage();
  await page.goto("/consents");
  const smsSwitch = page.locator('button[role="switch"][data-purpose="sms-offers"]');
  await expect(smsSwitch).toHaveAttribute("aria-checked", "false");

  // The exact request the browser sends for one click (action id, arguments, router state),
  // caught on its way out so it never reaches the server.
  let captured: Request | undefined;
  await page.route("**/consents", async (route) => {
    if (route.request().method() !== "POST" || !route.request().headers()["next-action"]) return route.continue();
    captured = route.request();
    await route.abort();
  });
  await smsSwitch.click();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unrouteAll();
  expect(await consentEvents(email)).toEqual([]);

  const headers = captured!.headers();
  const replay = (origin: string) =>
    context.request.post(captured!.url(), {
      headers: {
        origin,
        accept: headers["accept"] ?? "text/x-component",
        "content-type": headers["content-type"]!,
        "next-action": headers["next-action"]!,
        "next-router-state-tree": headers["next-router-state-tree"] ?? "",
      },
      data: captured!.postDataBuffer()!,
      maxRedirects: 0,
    });

  const refused = await replay(EVIL);
  expect(refused.status()).toBe(403);
  expect(await consentEvents(email)).toEqual([]);
  await page.reload();
  await expect(smsSwitch).toHaveAttribute("aria-checked", "false");

  const accepted = await replay(new URL(BASE_URL).origin);
  expect(accepted.status()).toBe(200);
  expect((await consentEvents(email)).map((e) => [e.data.purposeKey, e.data.status])).toEqual([["sms-offers", "GRANTED"]]);
  await page.reload();
  await expect(smsSwitch).toHaveAttribute("aria-checked", "true");
  await context.close();
});

test("the sign-out form posted from another origin (no JavaScript) is refused; from the app it signs out", async ({ browser }) => {
  const context = await browser.newContext();
  await signInAs(context, freshEmail("csrf-signout"));
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByTestId("signed-in-name")).toBeVisible();

  // Without JavaScript the form posts its hidden $ACTION_ID_… field as multipart/form-data.
  const field = (await page.content()).match(/name="(\$ACTION_ID_[0-9a-f]+)"/)?.[1];
  expect(field).toBeTruthy();
  const post = (origin: string) => context.request.post("/", { headers: { origin }, multipart: { [field!]: "" }, maxRedirects: 0 });

  const refused = await post(EVIL);
  expect(refused.status()).toBe(403);
  await page.goto("/");
  await expect(page.getByTestId("signed-in-name")).toBeVisible();

  const accepted = await post(new URL(BASE_URL).origin);
  expect(accepted.status()).toBeLessThan(400);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await context.close();
});

test("a post with a bad or opaque Origin is refused too", async ({ browser }) => {
  const context = await browser.newContext();
  await signInAs(context, freshEmail("csrf-null"));
  for (const origin of ["null", "not a url", "http://localhost.evil.example"]) {
    const res = await context.request.post("/", { headers: { origin, "next-action": "0".repeat(42) }, data: "[]", maxRedirects: 0 });
    expect(res.status(), origin).toBe(403);
  }
  await context.close();
});
