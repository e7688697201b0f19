import { describe, expect, it } from "vitest";
import { buildConsentReceipt, type ReceiptEvent } from "@/lib/consents/build-consent-receipt";
import { hashShownText } from "@/lib/consents/hash-shown-text";
import { localizePurposeText } from "@/lib/consents/localize-purpose-text";

const controller = { name: "Esimerkki Oy", address: "Katu 1, Helsinki", email: "privacy@example.com", phone: "+358 9 1", url: "https://portal.example", jurisdiction: "FI", policyUrl: "https://portal.example/privacy" };
const event: ReceiptEvent = {
  id: "0190-event", personId: "0190-person", status: "GRANTED", source: "UNSUBSCRIBE_LINK", connectedSystemId: null,
  occurredAt: new Date("2026-11-26T09:30:15.900Z"), locale: "en", textHash: "ab".repeat(32),
  purpose: { key: "newsletter", channel: "EMAIL", legalBasis: "CONSENT", isSaleOrSharing: false, piiCategories: ["email"] },
  version: 4, text: { title: "Newsletter", description: "Monthly news" },
};

describe("buildConsentReceipt", () => {
  it("fills every Kantara v1.1 field from the event and the controller", () => {
    const receipt = buildConsentReceipt(event, controller);
    expect(Object.keys(receipt).sort()).toEqual(
      ["version", "jurisdiction", "consentTimestamp", "collectionMethod", "consentReceiptID", "language", "piiPrincipalId", "piiControllers", "policyUrl", "services", "sensitive", "spiCat", "omadata"].sort(),
    );
    expect(receipt).toMatchObject({
      version: "KI-CR-v1.1.0", jurisdiction: "FI", consentTimestamp: 1795685415, collectionMethod: "One-click unsubscribe link",
      consentReceiptID: "0190-event", language: "en", piiPrincipalId: "0190-person", policyUrl: controller.policyUrl, sensitive: false, spiCat: [],
      piiControllers: [{ piiController: "Esimerkki Oy", contact: "Esimerkki Oy", address: "Katu 1, Helsinki", email: "privacy@example.com", phone: "+358 9 1", piiControllerUrl: "https://portal.example" }],
      services: [{ service: "Newsletter", purposes: [{ purpose: "Monthly news", purposeCategory: ["Marketing"], consentType: "EXPLICIT", piiCategory: ["email"], primaryPurpose: false, thirdPartyDisclosure: false }] }],
      omadata: { purposeKey: "newsletter", purposeVersion: 4, status: "GRANTED", source: "UNSUBSCRIBE_LINK" },
    });
  });

  it("names third-party disclosure for sharing purposes", () => {
    const receipt = buildConsentReceipt({ ...event, purpose: { ...event.purpose, channel: "NONE", isSaleOrSharing: true } }, controller);
    expect(receipt.services[0]!.purposes[0]).toMatchObject({ thirdPartyDisclosure: true, thirdPartyName: expect.any(String), purposeCategory: ["Sharing with third parties"] });
  });
});

describe("shown text", () => {
  const texts = { fi: { title: "Uutiskirje", description: "Kuukausittain" }, sv: { title: "Nyhetsbrev", description: "Varje månad" }, en: { title: "Newsletter", description: "Monthly" } };

  it("picks the language, falling back to Finnish", () => {
    expect(localizePurposeText(texts, "sv")).toEqual({ title: "Nyhetsbrev", description: "Varje månad", locale: "sv" });
    expect(localizePurposeText({ fi: texts.fi }, "en")).toEqual({ ...texts.fi, locale: "fi" });
  });

  it("hashes purpose, version, language and words together", () => {
    const base = { purposeKey: "newsletter", version: 1, locale: "fi", ...texts.fi };
    const hash = hashShownText(base);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashShownText({ ...base })).toBe(hash);
    for (const change of [{ version: 2 }, { locale: "sv" }, { purposeKey: "sms" }, { description: "Kuukausittain." }]) {
      expect(hashShownText({ ...base, ...change })).not.toBe(hash);
    }
  });
});
