// Signed checkpoints in the C2SP signed-note / tlog-checkpoint text format.
import { createHash, generateKeyPairSync, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkpointText, noteKeyHash, noteVerifierKey, parseCheckpoint, rawEd25519PublicKey, readNotePublicKeys, signCheckpoint, verifyCheckpointSignature } from "@/lib/audit/checkpoint-note";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const raw = rawEd25519PublicKey(publicKey);
const body = { origin: "portal.example/audit", size: 42, rootHash: "ab".repeat(32), signedAt: new Date("2026-12-01T10:00:00Z") };

describe("audit checkpoints", () => {
  it("are a checkpoint body, a blank line and one signature line with the key hash and an Ed25519 signature", () => {
    const note = signCheckpoint(body, privateKey);
    const text = `portal.example/audit\n42\n${Buffer.from("ab".repeat(32), "hex").toString("base64")}\ntime ${Date.parse("2026-12-01T10:00:00Z") / 1000}\n`;
    expect(checkpointText(body)).toBe(text);
    expect(note.startsWith(`${text}\n\u2014 portal.example/audit `)).toBe(true);
    expect(note.endsWith("\n")).toBe(true);
    const signature = Buffer.from(note.trimEnd().split(" ").at(-1)!, "base64");
    expect(signature).toHaveLength(68);
    // The key hash is SHA-256(name, newline, 0x01, key)[:4], as in golang.org/x/mod/sumdb/note.
    expect(signature.subarray(0, 4)).toEqual(createHash("sha256").update(Buffer.concat([Buffer.from("portal.example/audit\n\x01", "latin1"), raw])).digest().subarray(0, 4));
    expect(verify(null, Buffer.from(text), publicKey, signature.subarray(4))).toBe(true);
    expect(noteVerifierKey("portal.example/audit", raw)).toBe(`portal.example/audit+${noteKeyHash("portal.example/audit", raw).toString("hex")}+${Buffer.concat([Buffer.from([1]), raw]).toString("base64")}`);
  });

  it("read a verifier key whose base64 holds a + (as about one key in two does)", () => {
    for (let i = 0; i < 64; i++) {
      const key = rawEd25519PublicKey(generateKeyPairSync("ed25519").publicKey);
      expect(readNotePublicKeys(noteVerifierKey(body.origin, key))).toEqual([key]);
    }
  });

  it("parse back and verify with the key as a JWKS, a JWK or a verifier key, and with no other", () => {
    const parsed = parseCheckpoint(signCheckpoint(body, privateKey));
    expect(parsed).toMatchObject(body);
    const jwk = publicKey.export({ format: "jwk" });
    for (const keyText of [JSON.stringify({ keys: [{ kty: "EC", crv: "P-256", x: "x", y: "y" }, jwk] }), JSON.stringify(jwk), noteVerifierKey(body.origin, raw)]) {
      expect(verifyCheckpointSignature(parsed, readNotePublicKeys(keyText))).toBe(true);
    }
    expect(verifyCheckpointSignature(parsed, [rawEd25519PublicKey(generateKeyPairSync("ed25519").publicKey)])).toBe(false);
    const note = signCheckpoint(body, privateKey);
    for (const altered of [note.replace("\n42\n", "\n43\n"), note.replace("portal.example/audit\n", "other.example/audit\n")]) {
      expect(verifyCheckpointSignature(parseCheckpoint(altered), [raw])).toBe(false);
    }
    expect(() => parseCheckpoint("portal.example/audit\n42\n")).toThrow();
    expect(() => parseCheckpoint("portal.example/audit\nx\nAAAA\n\n\u2014 a AAAAAAAA\n")).toThrow();
  });
});
