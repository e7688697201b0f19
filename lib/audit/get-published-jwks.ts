import type { JSONWebKeySet, JWK } from "jose";
import { getReceiptSigningJwks } from "../consents/get-receipt-signing-jwks";
import { db } from "../db/client";
import { CHECKPOINT_KEY_USE, loadCheckpointSigningKey } from "./load-checkpoint-signing-key";

/**
 * Every public key the portal signs with, as /.well-known/jwks.json serves them: the consent
 * receipt keys (ES256) and the audit checkpoint keys (Ed25519, "use" sig, alg EdDSA), retired ones
 * included so that what they signed still verifies. Makes each key on first use.
 */
export async function getPublishedJwks(): Promise<JSONWebKeySet> {
  const prisma = await db();
  const receipts = await getReceiptSigningJwks();
  await loadCheckpointSigningKey(prisma);
  const rows = await prisma.signingKey.findMany({ where: { use: CHECKPOINT_KEY_USE }, orderBy: { createdAt: "desc" }, select: { publicJwk: true } });
  return { keys: [...receipts.keys, ...rows.map((row) => row.publicJwk as JWK)] };
}
