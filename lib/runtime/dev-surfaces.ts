// The local outbox page and the browser-test hooks: each served only when its variable (or, for
// the outbox, a one-machine trial's default) turns it on, and then only to a loopback client.
import { isLoopback } from "../auth/client-ip";
import type { Config } from "../config";

/** /dev/outbox: LOCAL_OUTBOX on and no SMTP_URL (with SMTP the emails are not kept here). */
export const localOutboxServed = (config: Pick<Config, "LOCAL_OUTBOX" | "SMTP_URL">, clientIp: string | null) =>
  config.LOCAL_OUTBOX && !config.SMTP_URL && isLoopback(clientIp);

/** /api/test-hooks: only with TEST_HOOKS=true, never by default. */
export const testHooksServed = (config: Pick<Config, "TEST_HOOKS">, clientIp: string | null) => config.TEST_HOOKS && isLoopback(clientIp);
