// Customer search input: one free-text box that may hold a name, an email address, a phone
// number, an external id or a business ID. Messages are keys in the "search.errors" namespace.
import { z } from "zod";
import { isStorableText } from "../db/is-storable-text";
import type { ViewReason } from "../persons/schemas";

export const searchQuerySchema = z.object({
  q: z.string().trim().min(2, { error: "queryTooShort" }).max(200, { error: "queryTooLong" }).refine(isStorableText, { error: "invalidQuery" }),
  limit: z.number().int().min(1).max(100).default(25),
});

export type SearchQueryInput = z.input<typeof searchQuerySchema>;

/** How a result was found, best first when ranking equal scores. */
export const matchKinds = ["id", "email", "phone", "externalId", "businessId", "name"] as const;
export type MatchKind = (typeof matchKinds)[number];

/**
 * Why a staff member searches the customer directory: stated once per search session, before
 * the search box is usable. The codes are the record's (person360.reasons) that fit a search.
 * Messages are keys in the "person360.errors" namespace, as for opening a record.
 */
export const searchReasons = ["support_call", "request_handling", "identity_resolution", "complaint", "other"] as const satisfies readonly ViewReason[];
export type SearchReason = (typeof searchReasons)[number];

export const searchSessionSchema = z
  .object({
    reasonCode: z.enum(searchReasons, { error: "reasonRequired" }),
    /** Required with "other"; an optional detail otherwise. No personal data: it goes to the audit trail. */
    note: z.string().trim().max(200, { error: "tooLong" }).refine(isStorableText, { error: "invalid" }).default(""),
  })
  .refine((v) => v.reasonCode !== "other" || v.note.length >= 5, { path: ["note"], error: "noteRequired" });
export type SearchSessionInput = z.input<typeof searchSessionSchema>;
