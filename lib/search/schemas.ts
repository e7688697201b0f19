// Customer search input: one free-text box that may hold a name, an email address, a phone
// number, an external id or a business ID. Messages are keys in the "search.errors" namespace.
import { z } from "zod";
import { isStorableText } from "../db/is-storable-text";

export const searchQuerySchema = z.object({
  q: z.string().trim().min(2, { error: "queryTooShort" }).max(200, { error: "queryTooLong" }).refine(isStorableText, { error: "invalidQuery" }),
  limit: z.number().int().min(1).max(100).default(25),
});

export type SearchQueryInput = z.input<typeof searchQuerySchema>;

/** How a result was found, best first when ranking equal scores. */
export const matchKinds = ["id", "email", "phone", "externalId", "businessId", "name"] as const;
export type MatchKind = (typeof matchKinds)[number];
