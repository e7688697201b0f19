import os from "node:os";
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 4100);
export const SMTP_PORT = E2E_PORT + 425;
export const SMTP_HTTP_PORT = E2E_PORT + 426;
export const BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATA_DIR = path.join(os.tmpdir(), `omadata-e2e-${E2E_PORT}`);
export const SIGNIN_LIMIT_PER_EMAIL = 3;
/** The browser tests' server serves /metrics to this token (tests/e2e/metrics.spec.ts). */
export const METRICS_TOKEN = "e2e-metrics-token-0123456789abcdef0123456789";
/** Everything the browser tests' server printed. */
export const E2E_SERVER_LOG = `${E2E_DATA_DIR}-server.log`;
