import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";
import { decryptSecret, encryptSecret } from "../crypto/encryption";
import { db } from "../db/client";
import type { PrismaClient } from "../db/generated/client";
import { runChange } from "../changes/run-change";

export const RECEIPT_KEY_USE = "consent-receipt";
export const RECEIPT_ALGORITHM = "ES256";
/** Serialises key creation across instances, so exactly one key is made. */
const KEY_CREATION_LOCK = 4_210_002;

export interface ReceiptSigningKey {
  kid: string;
  privateKey: CryptoKey;
}

type KeyRow = { kid: string; encryptedPrivateJwk: string };

/** Bound to the row, so a sealed private key copied to another row does not open there. */
export const sealContext = (kid: string) => `SigningKey:${kid}`;

async function openKey(row: KeyRow): Promise<ReceiptSigningKey> {
  const jwk = JSON.parse(decryptSecret(row.encryptedPrivateJwk, sealContext(row.kid))) as JWK;
  return { kid: row.kid, privateKey: (await importJWK(jwk, RECEIPT_ALGORITHM)) as CryptoKey };
}

const newestKey = (prisma: Pick<PrismaClient, "signingKey">) =>
  prisma.signingKey.findFirst({
    where: { use: RECEIPT_KEY_USE, retiredAt: null },
    orderBy: { createdAt: "desc" },
    select: { kid: true, encryptedPrivateJwk: true },
  });

async function loadOrCreate(prisma: PrismaClient): Promise<ReceiptSigningKey> {
  const existing = await newestKey(prisma);
  if (existing) return openKey(existing);
  const pair = await generateKeyPair(RECEIPT_ALGORITHM, { extractable: true });
  const publicJwk = await exportJWK(pair.publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const sealed = encryptSecret(JSON.stringify(await exportJWK(pair.privateKey)), sealContext(kid));
  const row = await runChange(
    { kind: "SYSTEM", id: "receipt-signing" },
    async (tx, now) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${KEY_CREATION_LOCK})`);
      const raced = await newestKey(tx);
      if (raced) return { result: raced, audit: [] };
      await tx.signingKey.create({
        data: { kid, use: RECEIPT_KEY_USE, algorithm: RECEIPT_ALGORITHM, publicJwk: { ...publicJwk, kid, alg: RECEIPT_ALGORITHM, use: "sig" }, encryptedPrivateJwk: sealed, createdAt: now },
      });
      return {
        result: { kid, encryptedPrivateJwk: sealed },
        audit: { action: "signing_key.created", target: `SigningKey:${kid}`, details: { kid, use: RECEIPT_KEY_USE, algorithm: RECEIPT_ALGORITHM } },
      };
    },
    { prisma },
  );
  return openKey(row);
}

const cache = new WeakMap<PrismaClient, Promise<ReceiptSigningKey>>();

/**
 * The portal's consent-receipt signing key: made once (ES256), kept with its private half
 * sealed by ENCRYPTION_KEY, opened once per process and database.
 */
export async function loadReceiptSigningKey(): Promise<ReceiptSigningKey> {
  const prisma = await db();
  let loading = cache.get(prisma);
  if (!loading) {
    loading = loadOrCreate(prisma);
    cache.set(prisma, loading);
    loading.catch(() => cache.delete(prisma));
  }
  return loading;
}
