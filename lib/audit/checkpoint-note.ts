// Signed checkpoints of the audit chain in the C2SP formats: a tlog-checkpoint body (origin,
// size, base64 root hash, extension lines) in a signed note (blank line, then one line per
// signature: "— <key name> <base64(4-byte key hash ‖ Ed25519 signature)>"). Pure: the offline
// verifier (scripts/audit-verify.ts) uses it with no database.
import { createHash, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

const EM_DASH = "\u2014";
/** The signed-note signature type of Ed25519 keys. */
const ED25519_TYPE = 0x01;

export interface CheckpointBody {
  origin: string;
  size: number;
  /** The chain's head hash (hex): the hash of entry `size`, or the genesis hash when empty. */
  rootHash: string;
  /** When it was signed (an extension line "time <unix seconds>"). */
  signedAt: Date;
}

/** The checkpoint's text, the part that is signed (each line ends in a newline). */
export function checkpointText({ origin, size, rootHash, signedAt }: CheckpointBody): string {
  return `${origin}\n${size}\n${Buffer.from(rootHash, "hex").toString("base64")}\ntime ${Math.floor(signedAt.getTime() / 1000)}\n`;
}

/** The 4-byte key id of a note verifier key: SHA-256(name ‖ "\n" ‖ type ‖ public key)[:4]. */
export function noteKeyHash(name: string, publicKey: Buffer): Buffer {
  return createHash("sha256").update(Buffer.concat([Buffer.from(`${name}\n`), Buffer.from([ED25519_TYPE]), publicKey])).digest().subarray(0, 4);
}

/** The raw 32-byte Ed25519 public key of a key object. */
export function rawEd25519PublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: "jwk" });
  return Buffer.from(jwk.x!, "base64url");
}

/** The verifier key in the signed-note text form: "<name>+<hex key hash>+<base64(type ‖ key)>". */
export function noteVerifierKey(name: string, publicKey: Buffer): string {
  return `${name}+${noteKeyHash(name, publicKey).toString("hex")}+${Buffer.concat([Buffer.from([ED25519_TYPE]), publicKey]).toString("base64")}`;
}

/** Signs a checkpoint with an Ed25519 private key under the key name (the origin). */
export function signCheckpoint(body: CheckpointBody, privateKey: KeyObject, keyName = body.origin): string {
  const text = checkpointText(body);
  const publicKey = rawEd25519PublicKey(createPublicKey(privateKey));
  const signature = sign(null, Buffer.from(text), privateKey);
  return `${text}\n${EM_DASH} ${keyName} ${Buffer.concat([noteKeyHash(keyName, publicKey), signature]).toString("base64")}\n`;
}

export interface ParsedCheckpoint extends CheckpointBody {
  text: string;
  signatures: { name: string; keyHash: Buffer; signature: Buffer }[];
}

/** Reads a signed checkpoint note; throws on anything that is not one. */
export function parseCheckpoint(note: string): ParsedCheckpoint {
  const split = note.indexOf("\n\n");
  if (split < 0 || !note.endsWith("\n")) throw new Error("not a signed note: no blank line before the signatures, or no final newline");
  const text = note.slice(0, split + 1);
  const [origin, sizeLine, rootLine, ...extensions] = text.slice(0, -1).split("\n");
  if (!origin || !sizeLine || !/^\d+$/.test(sizeLine) || !rootLine) throw new Error("not a checkpoint: origin, size and root hash lines expected");
  const root = Buffer.from(rootLine, "base64");
  if (root.length !== 32 || root.toString("base64") !== rootLine) throw new Error("not a checkpoint: the root hash is not 32 bytes of base64");
  const time = extensions.map((line) => /^time (\d+)$/.exec(line)).find(Boolean);
  const signatures = note
    .slice(split + 2, -1)
    .split("\n")
    .map((line) => {
      const match = new RegExp(`^${EM_DASH} (\\S+) (\\S+)$`).exec(line);
      if (!match) throw new Error(`not a signature line: ${line}`);
      const bytes = Buffer.from(match[2]!, "base64");
      if (bytes.length < 5) throw new Error("signature too short");
      return { name: match[1]!, keyHash: bytes.subarray(0, 4), signature: bytes.subarray(4) };
    });
  if (signatures.length === 0) throw new Error("not a signed note: no signature");
  return { origin, size: Number(sizeLine), rootHash: root.toString("hex"), signedAt: new Date(Number(time?.[1] ?? 0) * 1000), text, signatures };
}

/** A public key that may have signed a note: its raw Ed25519 bytes (the name comes from the signature line). */
export type NotePublicKey = Buffer;

/**
 * True when one of the note's signatures is by one of the given Ed25519 keys under its name (the
 * key hash matches) and verifies over the checkpoint's text.
 */
export function verifyCheckpointSignature(checkpoint: ParsedCheckpoint, publicKeys: NotePublicKey[]): boolean {
  return checkpoint.signatures.some(({ name, keyHash, signature }) =>
    publicKeys.some((raw) => {
      if (!noteKeyHash(name, raw).equals(keyHash)) return false;
      const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
      return verify(null, Buffer.from(checkpoint.text), key, signature);
    }),
  );
}

/**
 * Ed25519 public keys from a key file's text: a JWKS (as /.well-known/jwks.json publishes), one
 * JWK, or a signed-note verifier key line "<name>+<hash>+<base64>".
 */
export function readNotePublicKeys(text: string): NotePublicKey[] {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    const parsed = JSON.parse(trimmed) as { keys?: { kty?: string; crv?: string; x?: string }[]; kty?: string; crv?: string; x?: string };
    const keys = parsed.keys ?? [parsed];
    return keys.filter((k) => k.kty === "OKP" && k.crv === "Ed25519" && typeof k.x === "string").map((k) => Buffer.from(k.x!, "base64url"));
  }
  return trimmed
    .split(/\s+/)
    // name+hash+key: the name and the hex hash hold no "+", the base64 key may.
    .map((line) => /^[^+]+\+[0-9a-f]{8}\+(.+)$/.exec(line)?.[1])
    .filter((b64): b64 is string => b64 !== undefined)
    .map((b64) => Buffer.from(b64, "base64"))
    .filter((bytes) => bytes.length === 33 && bytes[0] === ED25519_TYPE)
    .map((bytes) => bytes.subarray(1));
}
