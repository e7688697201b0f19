import { describe, expect, it } from "vitest";
import { evaluateConsent, type PurposeRules } from "@/lib/consents/evaluate-consent";

const consent: PurposeRules = { legalBasis: "CONSENT", currentVersion: 3, renewalFromVersion: 2, retiredAt: null };
const interest: PurposeRules = { ...consent, legalBasis: "LEGITIMATE_INTEREST" };

describe("evaluateConsent", () => {
  it.each([
    ["consent, never acted on", consent, null, { status: "NOT_SET", permitted: false, needsRenewal: false, withdrawable: false }],
    ["consent granted at the current version", consent, { status: "GRANTED", version: 3 }, { status: "GRANTED", permitted: true, needsRenewal: false, withdrawable: true }],
    ["consent granted after the last material change", consent, { status: "GRANTED", version: 2 }, { status: "GRANTED", permitted: true, needsRenewal: false, withdrawable: true }],
    ["consent granted before a material change", consent, { status: "GRANTED", version: 1 }, { status: "GRANTED", permitted: false, needsRenewal: true, withdrawable: true }],
    ["consent pending confirmation", consent, { status: "PENDING_CONFIRMATION", version: 3 }, { status: "PENDING_CONFIRMATION", permitted: false, needsRenewal: false, withdrawable: true }],
    ["consent withdrawn", consent, { status: "WITHDRAWN", version: 3 }, { status: "WITHDRAWN", permitted: false, needsRenewal: false, withdrawable: false }],
    ["consent granted, purpose retired", { ...consent, retiredAt: new Date() }, { status: "GRANTED", version: 3 }, { status: "GRANTED", permitted: false, needsRenewal: false, withdrawable: true }],
    ["legitimate interest, never acted on", interest, null, { status: "NOT_SET", permitted: true, needsRenewal: false, withdrawable: true }],
    ["legitimate interest, objected", interest, { status: "WITHDRAWN", version: 1 }, { status: "WITHDRAWN", permitted: false, needsRenewal: false, withdrawable: false }],
    ["legitimate interest, old grant after material change", interest, { status: "GRANTED", version: 1 }, { status: "GRANTED", permitted: true, needsRenewal: false, withdrawable: true }],
    ["unpublished purpose", { ...interest, currentVersion: 0 }, null, { status: "NOT_SET", permitted: false, needsRenewal: false, withdrawable: false }],
  ] as const)("%s", (_label, purpose, state, expected) => {
    expect(evaluateConsent(purpose, state)).toEqual(expected);
  });
});
