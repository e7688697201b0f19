import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);
const integration = (backend: "pglite" | "postgres") => ({
  extends: true as const,
  test: {
    name: `integration-${backend}`,
    include: ["tests/integration/**/*.test.ts"],
    env: { TEST_DB_BACKEND: backend },
    // One migrated database per run, copied for each test file.
    globalSetup: ["tests/support/database-template.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React's server build; the tests run the same modules in Node.
      "server-only": path.join(root, "tests/support/server-only.ts"),
    },
  },
  test: {
    pool: "forks",
    // Vitest's default leaves one core free; the integration files wait on PostgreSQL, child
    // processes and sockets much of the time, so on two cores two files at once take a third less.
    maxWorkers: Math.max(2, availableParallelism()),
    env: { AUTH_SECRET: "test-secret-test-secret-test-secret-0123", ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"), LOG_LEVEL: "warn" },
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      integration("pglite"),
      ...(process.env.TEST_DATABASE_URL ? [integration("postgres")] : []),
    ],
  },
});
