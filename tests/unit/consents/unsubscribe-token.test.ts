import { describe, expect, it } from "vitest";
import { mintUnsubscribeToken } from "@/lib/consents/mint-unsubscribe-token";
import { readUnsubscribeToken } from "@/lib/consents/read-unsubscribe-token";
import { overrideConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";

const now = new Date("2026-11-26T10:00:00Z");
const code = (promise: Promise<unknown>) => promise.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describe("unsubscribe tokens", () => {
  it("carry the person and purpose until they expire", async () => {
    const token = await mintUnsubscribeToken({ personId: "person-1", purposeKey: "newsletter", expiresAt: new Date(now.getTime() + 3600_000) }, now);
    expect(await readUnsubscribeToken(token, now)).toEqual({ personId: "person-1", purposeKey: "newsletter" });
    expect(await code(readUnsubscribeToken(token, new Date(now.getTime() + 3601_000)))).toBe("GONE");
  });

  it("stop working when AUTH_SECRET changes (the key is derived from it)", async () => {
    const token = await mintUnsubscribeToken({ personId: "person-1", purposeKey: "newsletter", expiresAt: new Date(now.getTime() + 3600_000) }, now);
    overrideConfig({ AUTH_SECRET: "another-secret-another-secret-another-0" });
    try {
      expect(await code(readUnsubscribeToken(token, now))).toBe("NOT_FOUND");
    } finally {
      overrideConfig({});
    }
    expect(await readUnsubscribeToken(token, now)).toMatchObject({ purposeKey: "newsletter" });
  });
});
