import type { JSONWebKeySet, JWK } from "jose";
import { db } from "../db/client";
import { loadReceiptSigningKey, RECEIPT_KEY_USE } from "./load-receipt-signing-key";

/**
 * The public keys that verify consent receipts, as a JWKS (each with its kid). Retired keys stay
 * listed so that receipts signed with them still verify. Makes the key on first use.
 */
export async function getReceiptSigningJwks(): Promise<JSONWebKeySet> {
  await loadReceiptSigningKey();
  const rows = await (await db()).signingKey.findMany({
    where: { use: RECEIPT_KEY_USE },
    orderBy: { createdAt: "desc" },
    select: { publicJwk: true },
  });
  return { keys: rows.map((row) => row.publicJwk as JWK) };
}
