import { createPrivateKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { calculateJwkThumbprint, type JWK } from "jose";
import { runChange } from "../changes/run-change";
import { decryptSecret, encryptSecret } from "../crypto/encryption";
import type { PrismaClient } from "../db/generated/client";
import { sealContext } from "../consents/load-receipt-signing-key";

export const CHECKPOINT_KEY_USE = "audit-checkpoint";
export const CHECKPOINT_ALGORITHM = "EdDSA";
/** Serialises key creation across instances, so exactly one key is made. */
const KEY_CREATION_LOCK = 4_210_004;

export interface CheckpointSigningKey {
  kid: string;
  privateKey: KeyObject;
}

type KeyRow = { kid: string; encryptedPrivateJwk: string };

const openKey = (row: KeyRow): CheckpointSigningKey => ({
  kid: row.kid,
  privateKey: createPrivateKey({ key: JSON.parse(decryptSecret(row.encryptedPrivateJwk, sealContext(row.kid))) as JWK & { kty: "OKP" }, format: "jwk" }),
});

const newestKey = (prisma: Pick<PrismaClient, "signingKey">) =>
  prisma.signingKey.findFirst({ where: { use: CHECKPOINT_KEY_USE, retiredAt: null }, orderBy: { createdAt: "desc" }, select: { kid: true, encryptedPrivateJwk: true } });

async function loadOrCreate(prisma: PrismaClient): Promise<CheckpointSigningKey> {
  const existing = await newestKey(prisma);
  if (existing) return openKey(existing);
  const pair = generateKeyPairSync("ed25519");
  const publicJwk = pair.publicKey.export({ format: "jwk" }) as JWK;
  const kid = await calculateJwkThumbprint(publicJwk);
  const sealed = encryptSecret(JSON.stringify(pair.privateKey.export({ format: "jwk" })), sealContext(kid));
  const row = await runChange(
    { kind: "SYSTEM", id: "audit-sequencer" },
    async (tx, now) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${KEY_CREATION_LOCK})`);
      const raced = await newestKey(tx);
      if (raced) return { result: raced, audit: [] };
      await tx.signingKey.create({
        data: { kid, use: CHECKPOINT_KEY_USE, algorithm: CHECKPOINT_ALGORITHM, publicJwk: { ...publicJwk, kid, alg: CHECKPOINT_ALGORITHM, use: "sig" }, encryptedPrivateJwk: sealed, createdAt: now },
      });
      return {
        result: { kid, encryptedPrivateJwk: sealed },
        audit: { action: "signing_key.created", target: `SigningKey:${kid}`, details: { kid, use: CHECKPOINT_KEY_USE, algorithm: CHECKPOINT_ALGORITHM } },
      };
    },
    { prisma },
  );
  return openKey(row);
}

const cache = new WeakMap<PrismaClient, Promise<CheckpointSigningKey>>();

/**
 * The key that signs the audit log's checkpoints: made once (Ed25519), kept with its private half
 * sealed by ENCRYPTION_KEY like the receipt key, published with the JWKS, opened once per process
 * and database.
 */
export function loadCheckpointSigningKey(prisma: PrismaClient): Promise<CheckpointSigningKey> {
  let loading = cache.get(prisma);
  if (!loading) {
    loading = loadOrCreate(prisma);
    cache.set(prisma, loading);
    loading.catch(() => cache.delete(prisma));
  }
  return loading;
}
