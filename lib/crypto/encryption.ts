// Secrets at rest (signing keys, later webhook secrets) are sealed with AES-256-GCM under
// ENCRYPTION_KEY. The `context` (e.g. "SigningKey:<kid>") is authenticated too, so a sealed value
// copied into another row or column does not open there.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getConfig } from "../config";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptionError extends Error {
  constructor() {
    super("The sealed value cannot be opened: wrong key, wrong context or altered.");
    this.name = "DecryptionError";
  }
}

function configuredKey(): Buffer {
  const key = getConfig().ENCRYPTION_KEY;
  if (!key) throw new Error("ENCRYPTION_KEY is not configured");
  return Buffer.from(key, "base64");
}

function checkKey(key: Buffer): Buffer {
  if (key.length !== 32) throw new Error("The encryption key must be 32 bytes");
  return key;
}

/** Seals `plaintext` as "v1.<iv>.<ciphertext>.<tag>" (base64url parts). */
export function encryptSecret(plaintext: string, context: string, key: Buffer = configuredKey()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", checkKey(key), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, ciphertext, cipher.getAuthTag()].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** Opens a value sealed by encryptSecret with the same key and context; throws DecryptionError otherwise. */
export function decryptSecret(sealed: string, context: string, key: Buffer = configuredKey()): string {
  const [version, iv, ciphertext, tag, ...rest] = sealed.split(".");
  if (version !== VERSION || !iv || ciphertext === undefined || !tag || rest.length) throw new DecryptionError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", checkKey(key), Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError();
  }
}
