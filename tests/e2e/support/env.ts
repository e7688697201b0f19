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
/** The OpenID Connect provider the staff sign-in test signs in through (support/oidc-provider.ts). */
export const OIDC_PORT = E2E_PORT + 500;
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_CLIENT_ID = "omadata-e2e";
export const OIDC_CLIENT_SECRET = "omadata-e2e-client-secret";
export const OIDC_ROLE_MAP = "omadata-admins=ADMIN,privacy=PRIVACY_OFFICER,support=SUPPORT";
/** A second instance of the app with STAFF_SSO_ONLY=true (tests/e2e/staff-sso.spec.ts). */
export const OIDC_SSO_ONLY_PORT = E2E_PORT + 501;
