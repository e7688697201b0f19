// The data layer (lib/db) knows nothing of the domain: the change transaction, which writes audit
// entries and outbox events, lives in lib/changes, so lib/db imports only configuration, errors,
// its generated client and its own files (no cycle between lib/db and the domains above it).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dbRoot = path.resolve(import.meta.dirname, "../../../lib/db");
const allowedOutside = new Set(["../config", "../errors"]);

describe("lib/db", () => {
  it("imports no domain module", () => {
    const files = readdirSync(dbRoot).filter((name) => name.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(5);
    const offending: string[] = [];
    for (const name of files) {
      const source = readFileSync(path.join(dbRoot, name), "utf8");
      for (const [, specifier] of source.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)) {
        if (specifier!.startsWith("../") && !allowedOutside.has(specifier!)) offending.push(`${name} → ${specifier}`);
        if (specifier!.startsWith("@/")) offending.push(`${name} → ${specifier}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
