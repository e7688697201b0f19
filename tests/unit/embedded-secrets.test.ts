import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { overrideConfig } from "@/lib/config";

const dir = mkdtempSync(path.join(os.tmpdir(), "omadata-secrets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("embedded mode secrets", () => {
  it("generates AUTH_SECRET and ENCRYPTION_KEY once into the data directory and reuses them", () => {
    const first = overrideConfig({ DATA_DIR: dir, AUTH_SECRET: "", ENCRYPTION_KEY: "", DATABASE_URL: "" });
    const file = path.join(dir, "secrets.json");
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o077).toBe(0); // readable by the owner only
    expect(first.AUTH_SECRET!.length).toBeGreaterThanOrEqual(32);
    expect(Buffer.from(first.ENCRYPTION_KEY!, "base64")).toHaveLength(32);

    const second = overrideConfig({ DATA_DIR: dir, AUTH_SECRET: "", ENCRYPTION_KEY: "", DATABASE_URL: "" });
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(second.ENCRYPTION_KEY).toBe(first.ENCRYPTION_KEY);
    expect(JSON.parse(readFileSync(file, "utf8")).authSecret).toBe(first.AUTH_SECRET);
  });

  it("uses configured secrets instead of generating any", () => {
    const other = mkdtempSync(path.join(os.tmpdir(), "omadata-secrets-"));
    const config = overrideConfig({ DATA_DIR: other, AUTH_SECRET: "x".repeat(40), ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64") });
    expect(config.AUTH_SECRET).toBe("x".repeat(40));
    expect(existsSync(path.join(other, "secrets.json"))).toBe(false);
    rmSync(other, { recursive: true, force: true });
  });
});
