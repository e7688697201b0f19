// A second instance of the built app serving HTTPS itself (TLS_CERT_FILE/TLS_KEY_FILE) with a
// throw-away self-signed certificate: HSTS is sent and the session cookie is Secure.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_PORT, SMTP_PORT } from "./support/env";
import { linkIn, waitForEmail } from "./support/mail";
import { startSecondInstance, type SecondInstance } from "./support/second-instance";

const HTTPS_PORT = E2E_PORT + 443;
const HTTPS_URL = `https://localhost:${HTTPS_PORT}`;
const HSTS = "max-age=63072000; includeSubDomains";

let instance: SecondInstance | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  instance = startSecondInstance({
    name: "the HTTPS instance",
    dirName: "https",
    port: HTTPS_PORT,
    url: HTTPS_URL,
    // A throw-away certificate in the instance's own directory, removed with it.
    env: (dir) => {
      const [cert, key] = [path.join(dir, "cert.pem"), path.join(dir, "key.pem")];
      const openssl = spawnSync(
        "/usr/bin/openssl",
        ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1", "-keyout", key, "-out", cert],
        { encoding: "utf8" },
      );
      if (openssl.status !== 0) throw new Error(`openssl failed: ${openssl.stderr}`);
      return {
        TLS_CERT_FILE: cert,
        TLS_KEY_FILE: key,
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        SIGNIN_LIMIT_PER_IP: "10000",
        WORKER_POLL_MS: "500",
      };
    },
    unset: ["TRUST_PROXY"],
    readyWhen: "healthy",
    timeoutMs: 100_000,
    ignoreHttpsErrors: true,
  });
  await instance.ready();
});

test.afterAll(async () => instance?.stop());

test("served over HTTPS: HSTS on every page and a Secure, HttpOnly, SameSite=Lax session cookie", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: HTTPS_URL, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  const signin = await page.goto("/signin");
  expect(page.url()).toBe(`${HTTPS_URL}/signin`);
  expect(signin?.headers()["strict-transport-security"]).toBe(HSTS);

  const email = `https-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  await page.getByLabel("Sähköpostiosoite").fill(email);
  await page.getByRole("button", { name: "Lähetä linkki" }).click();
  await expect(page).toHaveURL(/\/signin\/check-email$/);
  const link = linkIn(await waitForEmail(email), "/api/auth/callback/nodemailer");
  expect(link.startsWith(`${HTTPS_URL}/`)).toBe(true);

  const landed = page.waitForResponse((r) => r.url() === `${HTTPS_URL}/` && r.request().method() === "GET");
  await page.goto(link);
  await expect(page.getByTestId("signed-in-name")).toBeVisible();
  expect((await landed).headers()["strict-transport-security"]).toBe(HSTS);

  const cookies = await context.cookies(HTTPS_URL);
  const session = cookies.filter((c) => c.name.endsWith("authjs.session-token"));
  expect(session).toHaveLength(1);
  expect(session[0]).toMatchObject({ name: "__Secure-authjs.session-token", secure: true, httpOnly: true, sameSite: "Lax" });
  await context.close();
});

test("the HTTPS instance logs nothing personal either", () => {
  expect(instance?.log()).not.toMatch(/@example\.com|authjs\.session-token=/);
});
