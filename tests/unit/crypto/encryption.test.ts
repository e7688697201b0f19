import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, DecryptionError, encryptSecret } from "@/lib/crypto/encryption";

const key = randomBytes(32);

describe("encryptSecret / decryptSecret (AES-256-GCM)", () => {
  it("round-trips, with a fresh IV each time", () => {
    const a = encryptSecret("top secret ✓", "SigningKey:k1", key);
    const b = encryptSecret("top secret ✓", "SigningKey:k1", key);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(a).not.toContain("secret");
    expect(decryptSecret(a, "SigningKey:k1", key)).toBe("top secret ✓");
    expect(decryptSecret(encryptSecret("", "c", key), "c", key)).toBe("");
  });

  it("refuses another key, another context, an altered value and a malformed one", () => {
    const sealed = encryptSecret("top secret", "SigningKey:k1", key);
    const [v, iv, ct, tag] = sealed.split(".") as [string, string, string, string];
    const flip = (s: string) => `${s.slice(0, 2)}${s[2] === "A" ? "B" : "A"}${s.slice(3)}`;
    for (const [sealedValue, context, withKey] of [
      [sealed, "SigningKey:k1", randomBytes(32)],
      [sealed, "SigningKey:k2", key],
      [[v, iv, flip(ct), tag].join("."), "SigningKey:k1", key],
      [[v, iv, ct, flip(tag)].join("."), "SigningKey:k1", key],
      [[v, flip(iv), ct, tag].join("."), "SigningKey:k1", key],
      [[v, iv, ct].join("."), "SigningKey:k1", key],
      [["v2", iv, ct, tag].join("."), "SigningKey:k1", key],
      ["garbage", "SigningKey:k1", key],
    ] as const) {
      expect(() => decryptSecret(sealedValue, context, withKey)).toThrow(DecryptionError);
    }
  });

  it("uses ENCRYPTION_KEY from the configuration by default", () => {
    expect(decryptSecret(encryptSecret("x", "ctx"), "ctx")).toBe("x");
    expect(() => decryptSecret(encryptSecret("x", "ctx"), "ctx", key)).toThrow(DecryptionError);
  });

  it("refuses a key that is not 32 bytes", () => {
    expect(() => encryptSecret("x", "c", randomBytes(16))).toThrow(/32 bytes/);
  });
});
