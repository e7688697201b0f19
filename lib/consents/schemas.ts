// Zod schemas for consents and purposes: shared by the portal's forms and actions, the
// back-office and the API. Error messages are message keys the UI translates.
import { z } from "zod";
import { isStorableText } from "../db/is-storable-text";
import { locales } from "../i18n/locales";

export const purposeChannels = ["EMAIL", "SMS", "PHONE", "POST", "NONE"] as const;
export const legalBases = ["CONSENT", "LEGITIMATE_INTEREST"] as const;
export const consentSources = ["PORTAL", "API", "IMPORT", "GPC", "UNSUBSCRIBE_LINK", "STAFF"] as const;
/** GPC and unsubscribe links have their own functions and can only withdraw. */
export const directSources = ["PORTAL", "API", "IMPORT", "STAFF"] as const;

export const localeSchema = z.enum(locales);

export const purposeKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{1,62}$/, "purposeKeyInvalid");

const purposeTextSchema = z.object({
  title: z.string().trim().min(1, "titleRequired").max(120, "titleTooLong").refine(isStorableText, "invalidInput"),
  description: z.string().trim().min(1, "descriptionRequired").max(2000, "descriptionTooLong").refine(isStorableText, "invalidInput"),
});

/** One text per language: Finland is bilingual, and English serves everyone else. */
export const purposeTextsSchema = z.object({ fi: purposeTextSchema, sv: purposeTextSchema, en: purposeTextSchema });
export type PurposeTexts = z.infer<typeof purposeTextsSchema>;
export type PurposeText = z.infer<typeof purposeTextSchema>;

export const createPurposeSchema = z
  .object({
    key: purposeKeySchema,
    channel: z.enum(purposeChannels),
    legalBasis: z.enum(legalBases),
    isSaleOrSharing: z.boolean().default(false),
    requiresDoubleOptIn: z.boolean().default(false),
    piiCategories: z.array(z.string().trim().min(1).max(60).refine(isStorableText, "invalidInput")).max(20).default([]),
    sortOrder: z.number().int().min(0).max(10_000).default(0),
    texts: purposeTextsSchema,
  })
  // Double opt-in confirms an email address for a consent; nothing else can be confirmed by link.
  .refine((p) => !p.requiresDoubleOptIn || (p.channel === "EMAIL" && p.legalBasis === "CONSENT"), {
    path: ["requiresDoubleOptIn"],
    message: "doubleOptInNeedsEmailConsent",
  });
export type CreatePurposeInput = z.input<typeof createPurposeSchema>;

export const createPurposeVersionSchema = z.object({ purposeKey: purposeKeySchema, texts: purposeTextsSchema });

export const publishPurposeVersionSchema = z.object({
  purposeKey: purposeKeySchema,
  version: z.number().int().positive(),
  /** A material change: earlier grants need renewal before they count again. */
  material: z.boolean(),
});

export const retirePurposeSchema = z.object({ purposeKey: purposeKeySchema });

/** Evidence a caller may add to a consent change; the IP address comes hashed in the actor. */
const evidenceFields = {
  locale: localeSchema.optional(),
  userAgent: z.string().max(512).refine(isStorableText).optional(),
  /** The connected system that reported the change (source API or IMPORT). */
  connectedSystemId: z.string().min(1).max(100).refine(isStorableText).optional(),
};

export const grantConsentSchema = z.object({
  purposeKey: purposeKeySchema,
  source: z.enum(directSources).default("PORTAL"),
  /** The version whose text the person saw; refused if a newer one was published since. */
  version: z.number().int().positive().optional(),
  ...evidenceFields,
});
export type GrantConsentInput = z.input<typeof grantConsentSchema>;

export const withdrawConsentSchema = z.object({
  purposeKey: purposeKeySchema,
  source: z.enum(directSources).default("PORTAL"),
  ...evidenceFields,
});
export type WithdrawConsentInput = z.input<typeof withdrawConsentSchema>;

export const withdrawAllMarketingSchema = z.object({ source: z.enum(directSources).default("PORTAL"), ...evidenceFields });

export const evidenceSchema = z.object(evidenceFields);
export type ConsentEvidenceInput = z.input<typeof evidenceSchema>;

export const mintUnsubscribeTokenSchema = z.object({
  personId: z.string().min(1),
  purposeKey: purposeKeySchema,
  expiresAt: z.date(),
});

export const timelineQuerySchema = z.object({
  locale: localeSchema.default("fi"),
  cursor: z.string().min(1).optional(),
  take: z.number().int().min(1).max(200).default(50),
});

/** parseOrThrow's options for consent input: the "invalidInput" message, nested fields (purpose texts) by their dotted path. */
export const consentInput = { userMessage: "invalidInput", what: "consent input", paths: "full" } as const;
