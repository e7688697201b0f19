// A second instance of the built app serving HTTPS itself (TLS_CERT_FILE/TLS_KEY_FILE) with a
// throw-away self-signed certificate: HSTS is sent and the session cookie is Secure.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, request as apiRequest, test } from "@playwright/test";
import { E2E_PORT, SMTP_PORT } from "./support/env";
import { linkIn, waitForEmail } from "./support/mail";

const HTTPS_PORT = E2E_PORT + 443;
const HTTPS_URL = `https://localhost:${HTTPS_PORT}`;
const HSTS = "max-age=63072000; includeSubDomains";

let dir = "";
let server: ChildProcess | undefined;
const serverLog = () => (existsSync(path.join(dir, "server.log")) ? readFileSync(path.join(dir, "server.log"), "utf8") : "");

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dir = mkdtempSync(path.join(os.tmpdir(), "omadata-e2e-https-"));
  const [cert, key] = [path.join(dir, "cert.pem"), path.join(dir, "key.pem")];
  const openssl = spawnSync(
    "/usr/bin/openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1", "-keyout", key, "-out", cert],
    { encoding: "utf8" },
  );
  if (openssl.status !== 0) throw new Error(`openssl failed: ${openssl.stderr}`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: path.join(dir, "data"),
    PORT: String(HTTPS_PORT),
    HOST: "::",
    APP_URL: HTTPS_URL,
    TLS_CERT_FILE: cert,
    TLS_KEY_FILE: key,
    SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
    SEED_DEMO_DATA: "false",
    SIGNIN_LIMIT_PER_IP: "10000",
    WORKER_POLL_MS: "500",
    DATABASE_URL: "",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? "",
  };
  for (const inherited of ["AUTH_URL", "TRUST_PROXY", "TEST_HOOKS", "AUTH_SECRET", "ENCRYPTION_KEY"]) delete env[inherited];
  server = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [server.stdout!, server.stderr!]) stream.on("data", (chunk: Buffer) => appendFileSync(path.join(dir, "server.log"), chunk));

  const api = await apiRequest.newContext({ ignoreHTTPSErrors: true });
  try {
    for (const deadline = Date.now() + 100_000; ; await new Promise((resolve) => setTimeout(resolve, 500))) {
      if (server.exitCode !== null) throw new Error(`the HTTPS instance exited with ${server.exitCode}:\n${serverLog().slice(-4000)}`);
      if ((await api.get(`${HTTPS_URL}/api/health`).catch(() => null))?.status() === 200) break;
      if (Date.now() > deadline) throw new Error(`the HTTPS instance did not become healthy:\n${serverLog().slice(-4000)}`);
    }
  } finally {
    await api.dispose();
  }
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = once(server, "exit");
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (server.exitCode === null) server.kill("SIGKILL");
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

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
  expect(serverLog()).not.toMatch(/@example\.com|authjs\.session-token=/);
});
