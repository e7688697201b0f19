// Zod schemas for connected systems: shared by the back-office forms, their actions and the
// API docs. Messages are keys in the "systems.errors" namespace.
import { z } from "zod";
import { isStorableText } from "../db/is-storable-text";
import { eventTypes } from "./event-types";

export const systemKinds = ["CRM", "MARKETING_AUTOMATION", "WEB_SHOP", "OTHER"] as const;
export const deliveryStatuses = ["PENDING", "IN_FLIGHT", "SUCCEEDED", "FAILED", "CANCELLED"] as const;

/** The key other records use for the system (ExternalIdentity.system, provenance): never changes. */
export const systemKeySchema = z.string().trim().regex(/^[a-z][a-z0-9-]{1,39}$/, { error: "keyInvalid" });

const isHttpUrl = (value: string) => {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

const systemFields = z.object({
  name: z.string().trim().min(1, { error: "nameRequired" }).max(100, { error: "tooLong" }).refine(isStorableText, { error: "invalid" }),
  kind: z.enum(systemKinds, { error: "kindInvalid" }),
  /** Blank: the system only calls the API. */
  webhookUrl: z
    .string()
    .trim()
    .max(2000, { error: "tooLong" })
    .refine((v) => v === "" || (isStorableText(v) && isHttpUrl(v)), { error: "urlInvalid" })
    .transform((v) => (v === "" ? null : v)),
  eventTypes: z.array(z.enum(eventTypes, { error: "eventTypeInvalid" })).transform((v) => [...new Set(v)]),
  requiresErasureAck: z.boolean(),
  /** Not connected: its owner is emailed a task for each rectification, restriction and erasure. */
  manual: z.boolean().default(false),
  ownerEmail: z.string().trim().toLowerCase().max(254, { error: "emailInvalid" }).default(""),
  manualInstructions: z.string().trim().max(4000, { error: "tooLong" }).refine(isStorableText, { error: "invalid" }).default(""),
});

type SystemFields = z.output<typeof systemFields>;

const needsUrl = (value: SystemFields, ctx: z.RefinementCtx) => {
  if (value.manual) {
    if (!z.email().safeParse(value.ownerEmail).success) ctx.addIssue({ code: "custom", path: ["ownerEmail"], message: "emailInvalid" });
    if (value.manualInstructions === "") ctx.addIssue({ code: "custom", path: ["manualInstructions"], message: "instructionsRequired" });
    return;
  }
  if (value.eventTypes.length > 0 && !value.webhookUrl) ctx.addIssue({ code: "custom", path: ["webhookUrl"], message: "urlRequired" });
};

/**
 * A manual system gets no webhooks and cannot acknowledge through the API (its tasks are its
 * acknowledgement); a connected one has no owner address or instructions.
 */
const settle = <T extends SystemFields>(value: T) =>
  value.manual
    ? { ...value, webhookUrl: null, eventTypes: [], requiresErasureAck: false }
    : { ...value, ownerEmail: null, manualInstructions: null };

export const createConnectedSystemSchema = systemFields.extend({ key: systemKeySchema }).superRefine(needsUrl).transform(settle);
export type CreateConnectedSystemInput = z.input<typeof createConnectedSystemSchema>;

export const updateConnectedSystemSchema = systemFields.extend({ active: z.boolean() }).superRefine(needsUrl).transform(settle);
export type UpdateConnectedSystemInput = z.input<typeof updateConnectedSystemSchema>;

export const deliveryFilterSchema = z.object({
  systemId: z.string().min(1).max(64).optional(),
  personId: z.string().min(1).max(64).optional(),
  status: z.enum(deliveryStatuses).optional(),
  eventType: z.string().min(1).max(64).optional(),
  cursor: z.string().min(1).max(64).optional(),
  take: z.number().int().min(1).max(200).default(50),
});
export type DeliveryFilter = z.input<typeof deliveryFilterSchema>;
