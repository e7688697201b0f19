import { defineConfig, devices } from "@playwright/test";
import { BASE_URL, E2E_DATA_DIR, E2E_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ISSUER, OIDC_PORT, OIDC_ROLE_MAP, OIDC_SSO_ONLY_PORT, METRICS_TOKEN, SIGNIN_LIMIT_PER_EMAIL, SMTP_HTTP_PORT, SMTP_PORT } from "./tests/e2e/support/env";

// Browser tests drive the built app (`next build` first; `npm test` does it) with the system
// Chromium; `npx playwright install` cannot download here.
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "chromium", testIgnore: /after\//, use: { ...devices["Desktop Chrome"], locale: "fi-FI" } },
    // Reads what the server logged during the whole suite, so it runs last.
    { name: "after-suite", testMatch: /after\/.*\.spec\.ts/, dependencies: ["chromium"] },
  ],
  webServer: [
    {
      command: `npx tsx tests/e2e/support/smtp-capture.ts ${SMTP_PORT} ${SMTP_HTTP_PORT}`,
      url: `http://127.0.0.1:${SMTP_HTTP_PORT}/health`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      // The identity provider of staff sign-in (tests/e2e/staff-sso.spec.ts), for this app and the spec's STAFF_SSO_ONLY instance.
      command: `npx tsx tests/e2e/support/oidc-provider.ts ${OIDC_PORT} ${BASE_URL},http://localhost:${OIDC_SSO_ONLY_PORT} ${OIDC_CLIENT_ID} ${OIDC_CLIENT_SECRET}`,
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: "npx tsx tests/e2e/support/start-app.ts",
      url: `${BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      env: {
        DATA_DIR: E2E_DATA_DIR,
        PORT: String(E2E_PORT),
        HOST: "::",
        APP_URL: BASE_URL,
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        SEED_DEMO_DATA: "true",
        TEST_HOOKS: "true",
        SIGNIN_LIMIT_PER_EMAIL: String(SIGNIN_LIMIT_PER_EMAIL),
        SIGNIN_LIMIT_PER_IP: "10000",
        WORKER_POLL_MS: "500",
        OIDC_ISSUER,
        OIDC_CLIENT_ID,
        OIDC_CLIENT_SECRET,
        OIDC_ROLE_MAP,
        METRICS_TOKEN,
        DATABASE_URL: "",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? "",
      },
    },
  ],
});
