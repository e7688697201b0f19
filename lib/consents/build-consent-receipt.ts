// A Kantara Initiative Consent Receipt (v1.1) for one consent event: the proof given to the
// person of what they agreed to or withdrew, when, through which channel and with whom.
import type { ConsentSource, ConsentStatus, LegalBasis, PurposeChannel } from "../db/generated/enums";
import type { PurposeText } from "./schemas";

export const KANTARA_RECEIPT_VERSION = "KI-CR-v1.1.0";

export interface ReceiptController {
  name: string;
  address: string;
  email: string;
  phone: string;
  url: string;
  jurisdiction: string;
  policyUrl: string;
}

export interface ReceiptEvent {
  id: string;
  personId: string;
  status: ConsentStatus;
  source: ConsentSource;
  connectedSystemId: string | null;
  occurredAt: Date;
  locale: string;
  textHash: string;
  purpose: { key: string; channel: PurposeChannel; legalBasis: LegalBasis; isSaleOrSharing: boolean; piiCategories: string[] };
  version: number;
  /** The version's text in the event's language. */
  text: PurposeText;
}

const collectionMethods: Record<ConsentSource, string> = {
  PORTAL: "Self-service privacy portal",
  API: "Reported by a connected system through the API",
  IMPORT: "Imported from a connected system",
  GPC: "Global Privacy Control signal from the browser",
  UNSUBSCRIBE_LINK: "One-click unsubscribe link",
  STAFF: "Recorded by customer service",
};

function purposeCategory(p: ReceiptEvent["purpose"]): string {
  if (p.isSaleOrSharing) return "Sharing with third parties";
  if (p.channel === "NONE") return "Personalisation and profiling";
  return p.legalBasis === "CONSENT" ? "Marketing" : "Customer relationship";
}

export function buildConsentReceipt(event: ReceiptEvent, controller: ReceiptController) {
  return {
    version: KANTARA_RECEIPT_VERSION,
    jurisdiction: controller.jurisdiction,
    consentTimestamp: Math.floor(event.occurredAt.getTime() / 1000),
    collectionMethod: collectionMethods[event.source],
    consentReceiptID: event.id,
    language: event.locale,
    // The person's id, never their email or name: the receipt may be shared onwards.
    piiPrincipalId: event.personId,
    piiControllers: [
      {
        piiController: controller.name,
        contact: controller.name,
        address: controller.address,
        email: controller.email,
        phone: controller.phone,
        piiControllerUrl: controller.url,
      },
    ],
    policyUrl: controller.policyUrl,
    services: [
      {
        service: event.text.title,
        purposes: [
          {
            purpose: event.text.description,
            purposeCategory: [purposeCategory(event.purpose)],
            consentType: event.purpose.legalBasis === "CONSENT" ? "EXPLICIT" : "LEGITIMATE_INTEREST",
            piiCategory: event.purpose.piiCategories,
            primaryPurpose: false,
            termination: "Until withdrawn; withdrawing is possible at any time in the privacy portal.",
            thirdPartyDisclosure: event.purpose.isSaleOrSharing,
            ...(event.purpose.isSaleOrSharing ? { thirdPartyName: "Partners named in the privacy policy" } : {}),
          },
        ],
      },
    ],
    sensitive: false,
    spiCat: [] as string[],
    // Extension: which event this is, so a withdrawal's receipt is not read as a grant.
    omadata: {
      purposeKey: event.purpose.key,
      purposeVersion: event.version,
      status: event.status,
      source: event.source,
      connectedSystemId: event.connectedSystemId,
      textHash: event.textHash,
    },
  };
}

export type ConsentReceipt = ReturnType<typeof buildConsentReceipt>;
