// Zod schemas for data-subject requests: shared by the portal's forms, the back-office's forms,
// their actions and the domain. Error messages are message keys the UI translates.
import { z } from "zod";
import { isStorableText } from "../db/is-storable-text";
import { parsePageNumber } from "../parse-search-params";

export const requestTypes = ["ACCESS", "PORTABILITY", "RECTIFICATION", "ERASURE", "RESTRICTION", "OBJECTION"] as const;
export const requestChannels = ["PORTAL", "STAFF", "EMAIL", "POST"] as const;
export const requestStatuses = ["RECEIVED", "VERIFYING", "IN_PROGRESS", "AWAITING_SYSTEMS", "COMPLETED", "DENIED", "CANCELLED"] as const;
/** Statuses in which nothing more happens. */
export const closedStatuses = ["COMPLETED", "DENIED", "CANCELLED"] as const;

const id = z.string().trim().min(1).max(64).refine(isStorableText, { error: "invalid" });
const reason = z.string().trim().min(5, { error: "reasonTooShort" }).max(2000, { error: "tooLong" }).refine(isStorableText, { error: "invalid" });
/** Free text of a request: the person's or officer's words. */
const text = (max: number) => z.string().trim().max(max, { error: "tooLong" }).refine(isStorableText, { error: "invalid" });

export const rectificationSchema = z.object({
  description: text(2000).min(5, { error: "descriptionTooShort" }),
  organizationId: id.optional(),
});
export type RectificationInput = z.input<typeof rectificationSchema>;

export const objectionSchema = z.object({
  purposeKeys: z.array(z.string().trim().min(1).max(64).refine(isStorableText, { error: "invalid" })).min(1, { error: "choosePurpose" }).max(50),
  description: text(2000).optional(),
});
export type ObjectionInput = z.input<typeof objectionSchema>;

export const restrictionSchema = z.object({
  description: text(2000).min(5, { error: "descriptionTooShort" }),
});
export type RestrictionInput = z.input<typeof restrictionSchema>;

export const onBehalfSchema = z.object({
  email: z.email({ error: "emailInvalid" }).trim().toLowerCase(),
  type: z.enum(requestTypes),
  channel: z.enum(["STAFF", "EMAIL", "POST"]),
  description: text(2000).optional(),
  /** When the request arrived (a letter's date); defaults to now. ISO date. */
  receivedOn: z.iso.date({ error: "dateInvalid" }).optional(),
});
export type OnBehalfInput = z.input<typeof onBehalfSchema>;

export const noteSchema = z.object({ requestId: id, note: text(2000).min(1, { error: "noteRequired" }) });
export const assignSchema = z.object({ requestId: id, assigneeId: id.nullable() });
export const decisionSchema = z.object({ requestId: id, note: text(2000).optional() });
export const denySchema = z.object({
  requestId: id,
  reason,
  /** Erasure refused (e.g. an open contract): restrict processing instead. */
  restrictInstead: z.boolean().default(false),
});
export const extendSchema = z.object({ requestId: id, months: z.coerce.number().int().min(1).max(2), reason });
export const liftRestrictionSchema = z.object({ requestId: id, reason });

export const queueFilterSchema = z.object({
  status: z.enum(requestStatuses).optional(),
  type: z.enum(requestTypes).optional(),
  due: z.enum(["overdue", "week", "any"]).default("any"),
  /** Show unverified requests older than seven days too (hidden by default). */
  showStale: z.coerce.boolean().default(false),
  page: z.unknown().optional().transform(parsePageNumber),
});
export type QueueFilter = z.input<typeof queueFilterSchema>;
