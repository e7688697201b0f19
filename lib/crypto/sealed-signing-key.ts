// A signing key the portal makes for itself on first use (consent receipts, audit checkpoints):
// one per use, its private half sealed with ENCRYPTION_KEY in SigningKey, made exactly once
// across instances, audited, and opened once per process and database.
import { calculateJwkThumbprint, type JWK } from "jose";
import { runChange } from "../changes/run-change";
import type { PrismaClient } from "../db/generated/client";
import { decryptSecret, encryptSecret } from "./encryption";

/** Bound to the row, so a sealed private key copied to another row does not open there. */
export const sealContext = (kid: string) => `SigningKey:${kid}`;

export interface SealedSigningKeySpec<K> {
  /** SigningKey.use, e.g. "consent-receipt". */
  use: string;
  /** The JWS algorithm, kept on the row and in the published JWK. */
  algorithm: string;
  /** The advisory lock that serialises creation across instances. */
  creationLock: number;
  /** The system actor that makes the key (its audit entry). */
  actorId: string;
  /** A new key pair, as JWKs. */
  generate: () => Promise<{ publicJwk: JWK; privateJwk: JWK }>;
  /** The private JWK as the key the caller signs with. */
  open: (privateJwk: JWK) => Promise<K> | K;
}

type KeyRow = { kid: string; encryptedPrivateJwk: string };

/** The loader of one kind of key: `load(prisma)` answers `{ kid, privateKey }`, made on first use. */
export function sealedSigningKey<K>(spec: SealedSigningKeySpec<K>) {
  const open = async (row: KeyRow) => ({ kid: row.kid, privateKey: await spec.open(JSON.parse(decryptSecret(row.encryptedPrivateJwk, sealContext(row.kid))) as JWK) });
  const newestKey = (prisma: Pick<PrismaClient, "signingKey">) =>
    prisma.signingKey.findFirst({ where: { use: spec.use, retiredAt: null }, orderBy: { createdAt: "desc" }, select: { kid: true, encryptedPrivateJwk: true } });

  async function loadOrCreate(prisma: PrismaClient) {
    const existing = await newestKey(prisma);
    if (existing) return open(existing);
    const { publicJwk, privateJwk } = await spec.generate();
    const kid = await calculateJwkThumbprint(publicJwk);
    const sealed = encryptSecret(JSON.stringify(privateJwk), sealContext(kid));
    const row = await runChange(
      { kind: "SYSTEM", id: spec.actorId },
      async (tx, now) => {
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${spec.creationLock})`);
        const raced = await newestKey(tx);
        if (raced) return { result: raced, audit: [] };
        await tx.signingKey.create({
          data: { kid, use: spec.use, algorithm: spec.algorithm, publicJwk: { ...publicJwk, kid, alg: spec.algorithm, use: "sig" }, encryptedPrivateJwk: sealed, createdAt: now },
        });
        return {
          result: { kid, encryptedPrivateJwk: sealed },
          audit: { action: "signing_key.created", target: `SigningKey:${kid}`, details: { kid, use: spec.use, algorithm: spec.algorithm } },
        };
      },
      { prisma },
    );
    return open(row);
  }

  const cache = new WeakMap<PrismaClient, Promise<{ kid: string; privateKey: K }>>();
  return function load(prisma: PrismaClient): Promise<{ kid: string; privateKey: K }> {
    let loading = cache.get(prisma);
    if (!loading) {
      loading = loadOrCreate(prisma);
      cache.set(prisma, loading);
      loading.catch(() => cache.delete(prisma));
    }
    return loading;
  };
}
