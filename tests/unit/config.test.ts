import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, readTlsFiles } from "@/lib/config";

const PG = "postgresql://app@db.internal:5432/omadata";
const SECRET = "s".repeat(32);
const KEY = Buffer.alloc(32, 1).toString("base64");

function problemOf(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

describe("parseConfig refuses bad values and names the variable", () => {
  it.each([
    ["DATABASE_URL", { DATABASE_URL: "mysql://app@db/omadata" }],
    ["DATABASE_URL", { DATABASE_URL: "notaurl" }],
    ["PORT", { PORT: "eighty" }],
    ["PORT", { PORT: "-1" }],
    ["ADMIN_EMAILS", { ADMIN_EMAILS: "boss@example.com, not-an-email" }],
    ["SMTP_URL", { SMTP_URL: "http://mail.example.com:25" }],
    ["ENCRYPTION_KEY", { ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") }],
    ["AUTH_SECRET", { AUTH_SECRET: "short" }],
  ])("%s = %j", (variable, env) => {
    const error = problemOf(env);
    expect(error.message).toContain(variable);
    expect(error.problems.some((p) => p.startsWith(variable))).toBe(true);
  });

  it("reports every bad variable at once", () => {
    const error = problemOf({ PORT: "x", SMTP_URL: "ftp://x" });
    expect(error.message).toContain("PORT");
    expect(error.message).toContain("SMTP_URL");
  });
});

describe("parseConfig defaults", () => {
  it("runs embedded with sensible defaults when nothing is set", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      NODE_ENV: "development",
      storage: "pglite",
      DATA_DIR: "./data",
      PORT: 3000,
      HOST: "0.0.0.0",
      APP_URL: "http://localhost:3000",
      ADMIN_EMAILS: [],
      TRUST_PROXY: false,
      WORKER_IN_PROCESS: true,
      LOG_LEVEL: "info",
      SIGNIN_LIMIT_PER_EMAIL: 5,
      SIGNIN_LIMIT_PER_IP: 30,
      SIGNIN_LIMIT_WINDOW_SECONDS: 900,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SMTP_URL).toBeUndefined();
  });

  it("treats blank values as unset and derives APP_URL from PORT", () => {
    const config = parseConfig({ DATABASE_URL: "", PORT: "8080", SMTP_URL: "" });
    expect(config.storage).toBe("pglite");
    expect(config.PORT).toBe(8080);
    expect(config.APP_URL).toBe("http://localhost:8080");
  });

  it("uses PostgreSQL when DATABASE_URL is set, and normalises ADMIN_EMAILS", () => {
    const config = parseConfig({ DATABASE_URL: PG, AUTH_SECRET: SECRET, ENCRYPTION_KEY: KEY, ADMIN_EMAILS: " Boss@Example.com ,ops@example.com,", APP_URL: "https://omadata.example.com/" });
    expect(config.storage).toBe("postgres");
    expect(config.ADMIN_EMAILS).toEqual(["boss@example.com", "ops@example.com"]);
    expect(config.APP_URL).toBe("https://omadata.example.com");
  });

  it("seeds demo data by default only for the embedded PGlite", () => {
    expect(parseConfig({}).SEED_DEMO_DATA).toBe(true);
    expect(parseConfig({ DATABASE_URL: PG, AUTH_SECRET: SECRET, ENCRYPTION_KEY: KEY }).SEED_DEMO_DATA).toBe(false);
    expect(parseConfig({ SEED_DEMO_DATA: "false" }).SEED_DEMO_DATA).toBe(false);
    expect(parseConfig({ DATABASE_URL: PG, AUTH_SECRET: SECRET, ENCRYPTION_KEY: KEY, SEED_DEMO_DATA: "true" }).SEED_DEMO_DATA).toBe(true);
    expect(problemOf({ SEED_DEMO_DATA: "maybe" }).message).toContain("SEED_DEMO_DATA");
  });
});

describe("PostgreSQL secrets", () => {
  // Instances sharing one database must share these: none may generate its own, in any NODE_ENV.
  it.each([[{}], [{ NODE_ENV: "development" }], [{ NODE_ENV: "test" }], [{ NODE_ENV: "production" }]])("requires AUTH_SECRET and ENCRYPTION_KEY with DATABASE_URL (%o)", (mode) => {
    const error = problemOf({ ...mode, DATABASE_URL: PG });
    expect(error.problems).toEqual([
      "AUTH_SECRET: is required with DATABASE_URL (every instance must use the same value)",
      "ENCRYPTION_KEY: is required with DATABASE_URL (every instance must use the same value)",
    ]);
    expect(problemOf({ ...mode, DATABASE_URL: PG, AUTH_SECRET: SECRET }).problems).toEqual(["ENCRYPTION_KEY: is required with DATABASE_URL (every instance must use the same value)"]);
    expect(problemOf({ ...mode, DATABASE_URL: PG, ENCRYPTION_KEY: KEY }).problems).toEqual(["AUTH_SECRET: is required with DATABASE_URL (every instance must use the same value)"]);
  });

  it("starts when both secrets are given, and embedded production needs neither", () => {
    const config = parseConfig({ NODE_ENV: "production", DATABASE_URL: PG, AUTH_SECRET: SECRET, ENCRYPTION_KEY: KEY });
    expect(config.storage).toBe("postgres");
    expect(parseConfig({ NODE_ENV: "production" }).storage).toBe("pglite");
  });
});

describe("native TLS", () => {
  it("needs both files, named when one is missing", () => {
    expect(problemOf({ TLS_CERT_FILE: "/etc/omadata/cert.pem", APP_URL: "https://o.example.com" }).problems).toEqual([
      "TLS_KEY_FILE: is required with TLS_CERT_FILE",
    ]);
    expect(problemOf({ TLS_KEY_FILE: "/etc/omadata/key.pem", APP_URL: "https://o.example.com" }).problems).toEqual([
      "TLS_CERT_FILE: is required with TLS_KEY_FILE",
    ]);
  });

  it("refuses an http:// APP_URL and defaults APP_URL to https", () => {
    const tls = { TLS_CERT_FILE: "/etc/omadata/cert.pem", TLS_KEY_FILE: "/etc/omadata/key.pem" };
    expect(problemOf({ ...tls, APP_URL: "http://o.example.com" }).message).toContain("APP_URL: must be an https:// URL");
    expect(parseConfig({ ...tls, PORT: "8443" }).APP_URL).toBe("https://localhost:8443");
    expect(parseConfig({ ...tls, APP_URL: "https://o.example.com" })).toMatchObject({ APP_URL: "https://o.example.com", ...tls });
    expect(parseConfig({}).TLS_CERT_FILE).toBeUndefined();
  });

  it("reads the files, and names the variable whose file is missing or wrong", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "omadata-tls-"));
    try {
      const pair = (name: string) => {
        const [cert, key] = [path.join(dir, `${name}.crt`), path.join(dir, `${name}.key`)];
        const made = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout", key, "-out", cert], { stdio: "ignore" });
        expect(made.status).toBe(0);
        return { TLS_CERT_FILE: cert, TLS_KEY_FILE: key };
      };
      const a = pair("a");
      const b = pair("b");
      expect(readTlsFiles({ TLS_CERT_FILE: undefined, TLS_KEY_FILE: undefined })).toBeNull();
      expect(readTlsFiles(a)?.cert.toString()).toContain("BEGIN CERTIFICATE");
      expect(() => readTlsFiles({ ...a, TLS_KEY_FILE: path.join(dir, "missing.key") })).toThrow(/TLS_KEY_FILE: cannot read .*ENOENT/);
      expect(() => readTlsFiles({ ...a, TLS_CERT_FILE: path.join(dir, "missing.crt") })).toThrow(/TLS_CERT_FILE: cannot read/);
      expect(() => readTlsFiles({ ...a, TLS_KEY_FILE: b.TLS_KEY_FILE })).toThrow(ConfigError);
      expect(() => readTlsFiles({ ...a, TLS_KEY_FILE: b.TLS_KEY_FILE })).toThrow(/TLS_KEY_FILE: is not a PEM private key matching/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("LOCAL_OUTBOX", () => {
  it("is on by default only for an embedded, SMTP-less trial on a loopback APP_URL without a proxy", () => {
    expect(parseConfig({}).LOCAL_OUTBOX).toBe(true);
    expect(parseConfig({ APP_URL: "http://127.0.0.1:3000" }).LOCAL_OUTBOX).toBe(true);
    expect(parseConfig({ APP_URL: "http://[::1]:3000" }).LOCAL_OUTBOX).toBe(true);
    expect(parseConfig({ SMTP_URL: "smtp://mail.example.com" }).LOCAL_OUTBOX).toBe(false);
    expect(parseConfig({ TRUST_PROXY: "true" }).LOCAL_OUTBOX).toBe(false);
    expect(parseConfig({ APP_URL: "https://omadata.example.com" }).LOCAL_OUTBOX).toBe(false);
    expect(parseConfig({ APP_URL: "http://localhost.example.com" }).LOCAL_OUTBOX).toBe(false);
    expect(parseConfig({ DATABASE_URL: PG, AUTH_SECRET: SECRET, ENCRYPTION_KEY: KEY }).LOCAL_OUTBOX).toBe(false);
  });

  it("follows an explicit value", () => {
    expect(parseConfig({ LOCAL_OUTBOX: "false" }).LOCAL_OUTBOX).toBe(false);
    expect(parseConfig({ LOCAL_OUTBOX: "true", DATABASE_URL: PG, AUTH_SECRET: SECRET, ENCRYPTION_KEY: KEY }).LOCAL_OUTBOX).toBe(true);
    expect(problemOf({ LOCAL_OUTBOX: "maybe" }).message).toContain("LOCAL_OUTBOX");
  });
});

describe("scripts stop on a bad configuration", () => {
  it("`npm start` runs in production mode and refuses DATABASE_URL without its secrets, naming them, before building", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "omadata-config-"));
    try {
      // A NODE_ENV that config would refuse: npm start replaces it with production before reading config.
      const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: "staging", DATABASE_URL: PG, DATA_DIR: dataDir, NEXT_DIST_DIR: ".next-never-built" };
      for (const name of ["AUTH_SECRET", "ENCRYPTION_KEY", "TEST_DATABASE_URL"]) delete env[name];
      const child = spawnSync("npx", ["tsx", "scripts/start.ts"], { cwd: process.cwd(), env: env as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000 });
      expect(child.status).toBe(78);
      expect(child.stdout).toContain("production mode (NODE_ENV=production)");
      expect(child.stderr).toContain("AUTH_SECRET: is required with DATABASE_URL");
      expect(child.stderr).toContain("ENCRYPTION_KEY: is required with DATABASE_URL");
      expect(child.stderr).not.toContain("NODE_ENV");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it("`tsx scripts/migrate.ts` with DATABASE_URL=notaurl exits 78 naming DATABASE_URL", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "omadata-config-"));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: "notaurl", DATA_DIR: dataDir };
      delete env.TEST_DATABASE_URL;
      const child = spawnSync("npx", ["tsx", "scripts/migrate.ts"], { cwd: process.cwd(), env, encoding: "utf8", timeout: 60_000 });
      expect(child.status).toBe(78);
      expect(child.stderr).toContain("DATABASE_URL");
      expect(child.stdout).not.toContain("Applied");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
