import { compactVerify, createLocalJWKSet } from "jose";
import { KANTARA_RECEIPT_VERSION, type ConsentReceipt } from "./build-consent-receipt";
import { getReceiptSigningJwks } from "./get-receipt-signing-jwks";
import { RECEIPT_ALGORITHM } from "./load-receipt-signing-key";

/** Checks a receipt JWS against the portal's keys; any fault (format, key, signature) is just invalid. */
export async function verifyConsentReceiptJws(jws: string): Promise<{ valid: true; receipt: ConsentReceipt } | { valid: false }> {
  if (typeof jws !== "string" || jws.length > 100_000) return { valid: false };
  try {
    const keys = createLocalJWKSet(await getReceiptSigningJwks());
    const { payload } = await compactVerify(jws, keys, { algorithms: [RECEIPT_ALGORITHM] });
    const receipt = JSON.parse(new TextDecoder().decode(payload)) as ConsentReceipt;
    if (receipt?.version !== KANTARA_RECEIPT_VERSION) return { valid: false };
    return { valid: true, receipt };
  } catch {
    return { valid: false };
  }
}
