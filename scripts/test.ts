// `npm test`: unit and integration tests (vitest: PGlite always, PostgreSQL too when
// TEST_DATABASE_URL is set), then the browser tests (Playwright, system Chromium) against the
// built app. Without Chromium the browser tests are skipped with one line, unless E2E_REQUIRED=1.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed";

const root = path.resolve(import.meta.dirname, "..");
const resultsDir = path.join(root, "test-results");
mkdirSync(resultsDir, { recursive: true });
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: root, stdio: "inherit", env }).status ?? 1;

const totals = { passed: 0, failed: 0, skipped: 0 };
const count = (file: string, read: (json: never) => { passed: number; failed: number; skipped: number }) => {
  if (!existsSync(file)) return;
  const c = read(JSON.parse(readFileSync(file, "utf8")) as never);
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
};

const vitestJson = path.join(resultsDir, "vitest.json");
const vitestStatus = run("npx", ["--no-install", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
count(vitestJson, (j: { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }) => ({
  passed: j.numPassedTests,
  failed: j.numFailedTests,
  skipped: j.numPendingTests + j.numTodoTests,
}));

let e2eStatus = 0;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  if (process.env.E2E_REQUIRED === "1") {
    console.error(`Browser tests are required (E2E_REQUIRED=1) but no Chromium was found at ${chromium}.`);
    e2eStatus = 1;
  } else {
    console.log(`Browser tests skipped: no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH).`);
  }
} else {
  e2eStatus = buildIfNeeded();
  if (e2eStatus === 0) {
    const playwrightJson = path.join(resultsDir, "playwright.json");
    env.PLAYWRIGHT_JSON_OUTPUT_NAME = playwrightJson;
    e2eStatus = run("npx", ["--no-install", "playwright", "test", "--reporter=list,json"]);
    count(playwrightJson, (j: { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }) => ({
      passed: j.stats.expected,
      failed: j.stats.unexpected + j.stats.flaky,
      skipped: j.stats.skipped,
    }));
  }
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(vitestStatus || e2eStatus);
