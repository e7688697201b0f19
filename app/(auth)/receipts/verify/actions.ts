"use server";

import { verifyConsentReceiptJws } from "@/lib/consents/verify-consent-receipt-jws";

/** Accepts a downloaded receipt file's text ({ receipt, jws }) or a bare JWS. */
export async function verifyReceiptAction(text: string) {
  const input = (typeof text === "string" ? text : "").trim().slice(0, 200_000);
  let jws = input;
  try {
    const parsed = JSON.parse(input) as { jws?: unknown };
    if (typeof parsed?.jws === "string") jws = parsed.jws;
  } catch {
    // not JSON: a bare JWS
  }
  const result = await verifyConsentReceiptJws(jws);
  if (!result.valid) return { valid: false as const };
  const r = result.receipt;
  return {
    valid: true as const,
    id: r.consentReceiptID,
    purpose: r.services?.[0]?.purposes?.[0]?.purpose ?? "",
    status: (r as unknown as { omadata?: { status?: string } }).omadata?.status ?? "",
    time: new Date(r.consentTimestamp * 1000).toISOString(),
  };
}
