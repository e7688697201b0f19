"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { verifyConsentReceiptJws } from "@/lib/consents/verify-consent-receipt-jws";

/** A receipt file's text or a bare JWS; anything else is checked as "" (not valid). */
const receiptText = z.unknown().transform((value) => (typeof value === "string" ? value : "").trim().slice(0, 200_000)) as unknown as z.ZodType<string, string>;

/** Accepts a downloaded receipt file's text ({ receipt, jws }) or a bare JWS. */
export const verifyReceiptAction = defineAction({
  caller: "public",
  args: z.tuple([receiptText]),
  handler: async ({ args: [input] }) => {
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
      // The purpose's title as the person saw it (the description is the purpose's long text).
      purpose: r.services?.[0]?.service ?? "",
      status: (r as unknown as { omadata?: { status?: string } }).omadata?.status ?? "",
      time: new Date(r.consentTimestamp * 1000).toISOString(),
    };
  },
  // The verify page shows valid or not valid; a call that could not be checked is not valid.
  answer: (result) => (result.ok ? result.data : { valid: false as const }),
});
