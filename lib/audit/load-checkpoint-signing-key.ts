import { createPrivateKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import type { JWK } from "jose";
import { sealedSigningKey } from "../crypto/sealed-signing-key";

export const CHECKPOINT_KEY_USE = "audit-checkpoint";
export const CHECKPOINT_ALGORITHM = "EdDSA";

export interface CheckpointSigningKey {
  kid: string;
  privateKey: KeyObject;
}

/**
 * The key that signs the audit log's checkpoints: made once (Ed25519), kept with its private half
 * sealed by ENCRYPTION_KEY like the receipt key, published with the JWKS, opened once per process
 * and database.
 */
export const loadCheckpointSigningKey = sealedSigningKey<KeyObject>({
  use: CHECKPOINT_KEY_USE,
  algorithm: CHECKPOINT_ALGORITHM,
  creationLock: 4_210_004,
  actorId: "audit-sequencer",
  generate: async () => {
    const pair = generateKeyPairSync("ed25519");
    return { publicJwk: pair.publicKey.export({ format: "jwk" }) as JWK, privateJwk: pair.privateKey.export({ format: "jwk" }) as JWK };
  },
  open: (jwk) => createPrivateKey({ key: jwk as JWK & { kty: "OKP" }, format: "jwk" }),
});
