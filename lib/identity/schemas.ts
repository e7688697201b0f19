// Identity resolution: candidate duplicates and merging two persons into one.
import { z } from "zod";
import { isStorableText } from "../db/is-storable-text";

/** The profile fields an officer chooses between when merging. */
export const mergeableFields = ["email", "givenName", "familyName", "phone", "streetAddress", "postalCode", "city", "country", "preferredLanguage", "birthDate"] as const;
export type MergeableField = (typeof mergeableFields)[number];

export const duplicateReasons = ["email", "phone", "namePostalCode"] as const;
export type DuplicateReason = (typeof duplicateReasons)[number];

const personId = z.string().trim().min(1).max(64).refine(isStorableText, { error: "invalid" });

export const mergePersonsSchema = z
  .object({
    survivorId: personId,
    mergedId: personId,
    /** Per field, whose value survives; fields left out keep the survivor's value (or the merged one's if the survivor has none). */
    fields: z.partialRecord(z.enum(mergeableFields), z.enum(["survivor", "merged"])).default({}),
  })
  .refine((v) => v.survivorId !== v.mergedId, { path: ["mergedId"], error: "samePerson" });
export type MergePersonsInput = z.input<typeof mergePersonsSchema>;

export const duplicateQuerySchema = z.object({ limit: z.number().int().min(1).max(500).default(100) });
