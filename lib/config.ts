// The only reader of process.env. Every variable is validated with zod; a bad value stops
// start-up with a message that names the variable.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createSecureContext } from "node:tls";
import { z } from "zod";
import { parseOidcRoleMap, type OidcRoleMap } from "./auth/oidc-role-map";
import { brandEnvShape } from "./brand/schema";

const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
    .optional()
    .transform((v) => (v === undefined ? fallback : ["true", "1", "yes"].includes(v)));

const positiveInt = (fallback: number) =>
  z.coerce.number({ error: "must be a number" }).int("must be a whole number").positive("must be positive").default(fallback);

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v), "must be a postgres:// or postgresql:// URL");

const emailList = z
  .string()
  .default("")
  .transform((v) => v.split(",").map((e) => e.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.email("must be a comma-separated list of email addresses")));

/** Comma-separated seconds, e.g. "0,5,300". */
const retrySchedule = z
  .string()
  .default("0,5,300,1800,7200,18000,36000,36000")
  .transform((v) => v.split(",").map((s) => s.trim()))
  .pipe(
    z
      .array(z.string().regex(/^\d{1,6}$/, "must be comma-separated whole seconds"))
      .min(1)
      .transform((v) => v.map(Number)),
  );

/** Whether Intl knows the zone: an unknown one would throw on the first formatted date. */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** localhost, 127.0.0.0/8 or ::1: the only hosts an http:// OIDC_ISSUER may name (local testing). */
export function isLoopbackUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

const oidcIssuer = z
  .url({ protocol: /^https?$/, error: "must be an https:// URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0" })
  .refine((v) => v.startsWith("https://") || isLoopbackUrl(v), "must be an https:// URL (http:// only for a loopback address such as http://127.0.0.1:4600)");

const oidcRoleMap = z.string().transform((v, ctx) => {
  const parsed = parseOidcRoleMap(v);
  if (parsed.ok) return parsed.map;
  ctx.addIssue({ code: "custom", message: parsed.message });
  return z.NEVER;
});

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  PORT: positiveInt(3000).pipe(z.number().max(65535, "must be at most 65535")),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Behind a reverse proxy: take the client address and scheme from its X-Forwarded-For and -Proto. */
  TRUST_PROXY: flag(false),
  /** Serve HTTPS natively: a PEM certificate (with its chain) and its private key. Both or neither. */
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  APP_URL: z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL, e.g. http://localhost:3000" }).optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded")
    .optional(),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\/[^\s]+$/.test(v), "must be an smtp:// or smtps:// URL")
    .optional(),
  EMAIL_FROM: z.string().min(3).default("Omadata <no-reply@omadata.localhost>"),
  /** The data controller named in consent receipts (Kantara piiControllers, jurisdiction, policyUrl). */
  CONTROLLER_NAME: z.string().min(1).default("Omadata demo controller"),
  CONTROLLER_ADDRESS: z.string().min(1).default("Mannerheimintie 1, 00100 Helsinki, Finland"),
  CONTROLLER_EMAIL: z.email("must be an email address").default("privacy@example.com"),
  CONTROLLER_PHONE: z.string().min(1).default("+358 9 000 0000"),
  CONTROLLER_JURISDICTION: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166 country code, e.g. FI").default("FI"),
  /** Defaults to APP_URL/privacy. */
  PRIVACY_POLICY_URL: z.url("must be an absolute URL").optional(),
  ADMIN_EMAILS: emailList,
  SEED_DEMO_DATA: z.enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" }).optional(),
  SIGNIN_LIMIT_PER_EMAIL: positiveInt(5),
  SIGNIN_LIMIT_PER_IP: positiveInt(30),
  SIGNIN_LIMIT_WINDOW_SECONDS: positiveInt(900),
  WORKER_IN_PROCESS: flag(true),
  WORKER_POLL_MS: positiveInt(1000),
  /** How often, at most, the audit sequencer signs a checkpoint of the chain when it has grown. */
  AUDIT_CHECKPOINT_SECONDS: positiveInt(10),
  /** Webhooks to private, loopback and link-local addresses: off, except in tests and local demos. */
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: flag(false),
  /** Seconds before each try: the first entry is the first try, so 8 entries mean 8 tries. */
  WEBHOOK_RETRY_SCHEDULE: retrySchedule,
  WEBHOOK_TIMEOUT_MS: positiveInt(15_000),
  /** How many deliveries one worker sends at once. */
  WEBHOOK_CONCURRENCY: positiveInt(8),
  /** A system whose deliveries keep failing this long is disabled, with an admin notice. */
  WEBHOOK_DISABLE_AFTER_HOURS: z.coerce.number({ error: "must be a number" }).positive("must be positive").default(72),
  API_RATE_LIMIT_PER_MINUTE: positiveInt(600),
  /** Days an erasure request waits (cooling-off) before it runs; the person can cancel meanwhile. */
  ERASURE_GRACE_DAYS: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(0, "must be 0 or more").default(14),
  /** Days a "Download my data" file can be downloaded before it is deleted. */
  EXPORT_RETENTION_DAYS: positiveInt(7),
  /** Hours a person waits after one "Download my data" file before asking for the next; 0: no limit. */
  EXPORT_MIN_INTERVAL_HOURS: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(0, "must be 0 or more").default(24),
  /** Loopback-only helpers for the browser tests (create a session, expire links). Never in production. */
  TEST_HOOKS: flag(false),
  /** Serve /dev/outbox (the emails kept without SMTP_URL) to loopback clients. Default: see localOutboxDefault. */
  LOCAL_OUTBOX: z.enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" }).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Staff single sign-on by OpenID Connect: all four of these, or none (README: Staff sign-in). */
  OIDC_ISSUER: oidcIssuer.optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** e.g. `omadata-admins=ADMIN,privacy=PRIVACY_OFFICER,support=SUPPORT`. */
  OIDC_ROLE_MAP: oidcRoleMap.optional(),
  /** The ID token claim holding the values OIDC_ROLE_MAP maps: groups, roles, or a dotted path. */
  OIDC_ROLE_CLAIM: z.string().trim().min(1, "must name a claim, e.g. groups").default("groups"),
  /** With OIDC: staff addresses get no emailed sign-in links, only staff sign-in. */
  STAFF_SSO_ONLY: flag(false),
  /** Serves /metrics (Prometheus) to requests with `Authorization: Bearer <METRICS_TOKEN>`; unset: no /metrics. */
  METRICS_TOKEN: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -hex 32)").optional(),
  /** The IANA zone every date and time is shown in (pages, emails, exports). */
  TIME_ZONE: z.string().default("Europe/Helsinki").refine(isTimeZone, "must be an IANA time zone, e.g. Europe/Helsinki"),
  /** Theming: BRAND_NAME, BRAND_LOGO_URL, BRAND_COLOR (contrast-checked), SUPPORT_EMAIL. */
  ...brandEnvShape,
});

export type Env = z.input<typeof envSchema>;

/** Staff single sign-on settings, present when OIDC_ISSUER and its companions are set. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  roleClaim: string;
  roleMap: OidcRoleMap;
}

export type Config = Omit<z.output<typeof envSchema>, "SEED_DEMO_DATA" | "APP_URL" | "PRIVACY_POLICY_URL" | "LOCAL_OUTBOX"> & {
  /** Staff single sign-on, or null when OIDC is not configured. */
  oidc: OidcSettings | null;
  APP_URL: string;
  /** Whether /dev/outbox is served (to loopback clients only). */
  LOCAL_OUTBOX: boolean;
  PRIVACY_POLICY_URL: string;
  SEED_DEMO_DATA: boolean;
  /** "postgres" when DATABASE_URL is set, else the embedded PGlite in DATA_DIR. */
  storage: "postgres" | "pglite";
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validates an environment. Pure: reads and writes nothing. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const c = parsed.data;
  const storage = c.DATABASE_URL ? "postgres" : "pglite";
  const seed = env.SEED_DEMO_DATA;
  const tls = Boolean(c.TLS_CERT_FILE || c.TLS_KEY_FILE);
  const appUrl = (c.APP_URL ?? `${tls ? "https" : "http"}://localhost:${c.PORT}`).replace(/\/$/, "");
  const tlsProblems = [
    ...(c.TLS_CERT_FILE && !c.TLS_KEY_FILE ? ["TLS_KEY_FILE: is required with TLS_CERT_FILE"] : []),
    ...(c.TLS_KEY_FILE && !c.TLS_CERT_FILE ? ["TLS_CERT_FILE: is required with TLS_KEY_FILE"] : []),
    // Served over HTTPS, links and cookies must say so: an http:// APP_URL would build sign-in
    // links that do not reach this server and session cookies without the Secure flag.
    ...(tls && !appUrl.startsWith("https://") ? ["APP_URL: must be an https:// URL when TLS_CERT_FILE and TLS_KEY_FILE are set"] : []),
  ];
  if (tlsProblems.length) throw new ConfigError(tlsProblems);
  const oidc = oidcSettings(c);
  const config: Config = {
    ...c,
    oidc,
    storage,
    APP_URL: appUrl,
    PRIVACY_POLICY_URL: c.PRIVACY_POLICY_URL ?? `${appUrl}/privacy`,
    SEED_DEMO_DATA: seed ? ["true", "1", "yes"].includes(seed) : storage === "pglite",
    LOCAL_OUTBOX: c.LOCAL_OUTBOX ? ["true", "1", "yes"].includes(c.LOCAL_OUTBOX) : localOutboxDefault({ storage, SMTP_URL: c.SMTP_URL, TRUST_PROXY: c.TRUST_PROXY, APP_URL: appUrl }),
  };
  // Whatever NODE_ENV is: instances sharing a database must share these, so none may invent its own.
  if (storage === "postgres") {
    const missing = (["AUTH_SECRET", "ENCRYPTION_KEY"] as const).filter((k) => !config[k]);
    if (missing.length) throw new ConfigError(missing.map((k) => `${k}: is required with DATABASE_URL (every instance must use the same value)`));
  }
  return config;
}

/** OIDC_* all together or not at all; STAFF_SSO_ONLY only with them. */
function oidcSettings(c: z.output<typeof envSchema>): OidcSettings | null {
  const required = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_ROLE_MAP"] as const;
  const set = required.filter((k) => c[k] !== undefined);
  if (set.length === 0) {
    if (c.STAFF_SSO_ONLY) throw new ConfigError(["STAFF_SSO_ONLY: needs staff sign-in configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ROLE_MAP)"]);
    return null;
  }
  const missing = required.filter((k) => c[k] === undefined);
  if (missing.length) throw new ConfigError(missing.map((k) => `${k}: is required with ${set.join(", ")} (staff sign-in needs all of ${required.join(", ")})`));
  return { issuer: c.OIDC_ISSUER!, clientId: c.OIDC_CLIENT_ID!, clientSecret: c.OIDC_CLIENT_SECRET!, roleClaim: c.OIDC_ROLE_CLAIM, roleMap: c.OIDC_ROLE_MAP! };
}

/** What start-up logs as a warning: accepted settings that must not reach production. */
export function configWarnings(config: Pick<Config, "oidc">): string[] {
  const warnings: string[] = [];
  if (config.oidc?.issuer.startsWith("http://")) {
    warnings.push(`OIDC_ISSUER: ${config.oidc.issuer} is plain http, accepted only because it is a loopback address (local testing); use an https:// issuer in production`);
  }
  return warnings;
}

/**
 * The outbox page is on by default only for a one-machine trial: embedded database, no SMTP, and
 * nothing that could make a remote visitor look local (a reverse proxy, a public APP_URL).
 */
export function localOutboxDefault(c: Pick<Config, "storage" | "SMTP_URL" | "TRUST_PROXY" | "APP_URL">): boolean {
  if (c.storage !== "pglite" || c.SMTP_URL || c.TRUST_PROXY) return false;
  const host = new URL(c.APP_URL).hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The certificate and key of TLS_CERT_FILE/TLS_KEY_FILE, checked to load; null when TLS is off. */
export function readTlsFiles(config: Pick<Config, "TLS_CERT_FILE" | "TLS_KEY_FILE">): { cert: Buffer; key: Buffer } | null {
  if (!config.TLS_CERT_FILE || !config.TLS_KEY_FILE) return null;
  const read = (variable: "TLS_CERT_FILE" | "TLS_KEY_FILE", file: string) => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new ConfigError([`${variable}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "error"})`]);
    }
  };
  const files = { cert: read("TLS_CERT_FILE", config.TLS_CERT_FILE), key: read("TLS_KEY_FILE", config.TLS_KEY_FILE) };
  try {
    createSecureContext(files);
  } catch {
    throw new ConfigError(["TLS_KEY_FILE: is not a PEM private key matching the certificate in TLS_CERT_FILE (or that file is not a PEM certificate)"]);
  }
  return files;
}

/** Embedded mode keeps generated secrets in the data directory, created once. */
function withEmbeddedSecrets(config: Config): Config {
  if (config.storage !== "pglite" || (config.AUTH_SECRET && config.ENCRYPTION_KEY)) return config;
  const file = path.join(config.DATA_DIR, "secrets.json");
  let stored: { authSecret?: string; encryptionKey?: string } = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, "utf8"));
  if (!stored.authSecret || !stored.encryptionKey) {
    stored = {
      authSecret: stored.authSecret ?? randomBytes(32).toString("base64url"),
      encryptionKey: stored.encryptionKey ?? randomBytes(32).toString("base64"),
    };
    mkdirSync(config.DATA_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return {
    ...config,
    AUTH_SECRET: config.AUTH_SECRET ?? stored.authSecret,
    ENCRYPTION_KEY: config.ENCRYPTION_KEY ?? stored.encryptionKey,
  };
}

const cache = globalThis as unknown as { __omadataConfig?: Config };

/** The validated configuration of this process, with its secrets resolved. */
export function getConfig(): Config {
  cache.__omadataConfig ??= withEmbeddedSecrets(parseConfig(process.env));
  return cache.__omadataConfig;
}

/** For tests and scripts that run the app against a database of their own. */
export function overrideConfig(overrides: Partial<Record<keyof Env, string>>): Config {
  cache.__omadataConfig = withEmbeddedSecrets(parseConfig({ ...process.env, ...overrides }));
  return cache.__omadataConfig;
}
