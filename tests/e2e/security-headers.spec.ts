import { expect, test } from "@playwright/test";
import { linkIn, waitForEmail } from "./support/mail";

test("pages carry a nonce-based CSP and the other security headers", async ({ page, request }) => {
  const response = await request.get("/signin");
  const headers = response.headers();
  const csp = headers["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["strict-transport-security"]).toBeUndefined(); // plain HTTP here: no HSTS

  const second = (await request.get("/signin")).headers()["content-security-policy"]!;
  expect(second.match(/nonce-([^']+)/)![1]).not.toBe(csp.match(/nonce-([^']+)/)![1]);

  // The page still works under the policy: scripts run (the form validates on the client).
  const violations: string[] = [];
  page.on("console", (m) => m.type() === "error" && /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
  await page.goto("/signin");
  await page.getByLabel("Sähköpostiosoite").fill("not-an-address");
  await page.getByRole("button", { name: "Lähetä linkki" }).click();
  await expect(page.locator("#email-error")).toBeVisible();
  expect(violations).toEqual([]);
});

test("a client's own X-Forwarded-Proto: https gets no HSTS over plain HTTP (no trusted proxy here)", async ({ request }) => {
  for (const path of ["/signin", "/api/health"]) {
    const response = await request.get(path, { headers: { "X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example" } });
    expect(response.ok()).toBe(true);
    expect(response.headers()["strict-transport-security"], path).toBeUndefined();
  }
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  const email = `cookie-${Date.now()}@example.com`;
  await page.goto("/signin");
  await page.getByLabel("Sähköpostiosoite").fill(email);
  await page.getByRole("button", { name: "Lähetä linkki" }).click();
  await expect(page).toHaveURL(/check-email/);
  await page.goto(linkIn(await waitForEmail(email), "/api/auth/callback/nodemailer"));
  await expect(page.getByTestId("signed-in-name")).toBeVisible();
  const session = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("the Imports API's upload, which the proxy does not see, still answers with the security headers", async ({ request }) => {
  const response = await request.post("/api/v1/imports", { multipart: { file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from("email\n") } } });
  expect(response.status()).toBe(401);
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
});
