// The audit viewer's filter: by person, actor, action and time. Messages are keys in the
// "auditViewer.errors" namespace.
import { z } from "zod";
import { isStorableText } from "../db/is-storable-text";

const blankAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const day = z.preprocess(blankAsUndefined, z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "dateInvalid" }).optional());

export const auditFilterSchema = z
  .object({
    personId: z.preprocess(blankAsUndefined, z.string().trim().max(64).refine(isStorableText, { error: "textInvalid" }).optional()),
    /** A user id, a staff member's email address, or a connected system's / worker's id. */
    actor: z.preprocess(blankAsUndefined, z.string().trim().max(254).refine(isStorableText, { error: "textInvalid" }).optional()),
    /** An exact action ("person.viewed"), or a prefix ending in "." or "*" ("consent.", "staff.*"). */
    action: z.preprocess(blankAsUndefined, z.string().trim().max(64).regex(/^[a-z_.*]+$/, { error: "actionInvalid" }).optional()),
    /** UTC days, both inclusive. */
    from: day,
    to: day,
    /** Entries written before this one (its insertion id): the next page. */
    before: z.coerce.number().int().positive().optional(),
    take: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], error: "rangeInvalid" });

export type AuditFilterInput = z.input<typeof auditFilterSchema>;
export type AuditFilter = z.output<typeof auditFilterSchema>;
