import { exportJWK, generateKeyPair, importJWK, type CryptoKey } from "jose";
import { db } from "../db/client";
import { sealedSigningKey } from "../crypto/sealed-signing-key";

export { sealContext } from "../crypto/sealed-signing-key";

export const RECEIPT_KEY_USE = "consent-receipt";
export const RECEIPT_ALGORITHM = "ES256";

export interface ReceiptSigningKey {
  kid: string;
  privateKey: CryptoKey;
}

const loadKey = sealedSigningKey<CryptoKey>({
  use: RECEIPT_KEY_USE,
  algorithm: RECEIPT_ALGORITHM,
  creationLock: 4_210_002,
  actorId: "receipt-signing",
  generate: async () => {
    const pair = await generateKeyPair(RECEIPT_ALGORITHM, { extractable: true });
    return { publicJwk: await exportJWK(pair.publicKey), privateJwk: await exportJWK(pair.privateKey) };
  },
  open: async (jwk) => (await importJWK(jwk, RECEIPT_ALGORITHM)) as CryptoKey,
});

/**
 * The portal's consent-receipt signing key: made once (ES256), kept with its private half
 * sealed by ENCRYPTION_KEY, opened once per process and database.
 */
export async function loadReceiptSigningKey(): Promise<ReceiptSigningKey> {
  return loadKey(await db());
}
