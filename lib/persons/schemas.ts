// The profile correction schema: the same on the client (react-hook-form) and the server.
// Messages are keys in the "profile.errors" namespace, translated where they are shown.
import countries from "i18n-iso-countries";
// The full metadata: the smaller sets accept numbers that cannot exist (e.g. "12345" in Finland).
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { z } from "zod";
import { isStorableText } from "../db/is-storable-text";
import { locales } from "../i18n/locales";
import { checkPostalCode } from "../validation/check-postal-code";
import { parseCalendarDate } from "../validation/parse-calendar-date";

/** Blank means "clear the field". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "tooLong" })
    .refine(isStorableText, { error: "invalid" })
    .transform((v) => (v === "" ? null : v));

export const MAX_AGE_YEARS = 120;
const LATEST_UTC_OFFSET_MS = 14 * 60 * 60 * 1000;

/**
 * Marks an issue about a well-formed value that a rule refuses (a date that does not exist, a
 * birth date in the future): the integration API answers it with 422 rather than 400.
 */
const refused = { params: { status: 422 } } as const;


/**
 * A birth date kept as YYYY-MM-DD. With `localFormats`, also as typed in the person's language
 * (31.12.1985, 31/12/1985); the integration API takes ISO only (a system's 01/02/1985 may be US).
 */
const birthDateField = ({ localFormats }: { localFormats: boolean }) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === "") return null;
      const parsed = localFormats || /^\d{4}-\d{2}-\d{2}$/.test(v) ? parseCalendarDate(v) : ({ ok: false, reason: "dateInvalid" } as const);
      if (parsed.ok) return parsed.date;
      ctx.addIssue({ code: "custom", message: parsed.reason, ...(parsed.reason === "dateNotReal" ? refused : {}) });
      return z.NEVER;
    });

const profileFields = z.object({
    givenName: optionalText(100),
    familyName: optionalText(100),
    phone: z
      .string()
      .trim()
      .transform((value, ctx) => {
        if (value === "") return null;
        const parsed = parsePhoneNumberFromString(value, "FI");
        if (!parsed?.isValid()) {
          ctx.addIssue({ code: "custom", message: "phoneInvalid" });
          return z.NEVER;
        }
        return parsed.number; // E.164
      }),
    streetAddress: optionalText(200),
    postalCode: optionalText(20),
    city: optionalText(100),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .refine((v) => v === "" || countries.isValid(v), { error: "countryInvalid" })
      .transform((v) => (v === "" ? null : v)),
    preferredLanguage: z.enum(locales, { error: "languageInvalid" }),
    birthDate: birthDateField({ localFormats: true }),
});

type ProfileFields = Partial<z.output<typeof profileFields>>;

function checkCombinations(value: ProfileFields, ctx: z.RefinementCtx) {
  // Without the country (a partial correction), correctPerson checks against the stored one.
  if (value.postalCode && value.country !== undefined) {
    const checked = checkPostalCode(value.postalCode, value.country);
    if (!checked.ok) ctx.addIssue({ code: "custom", path: ["postalCode"], message: checked.reason });
  }
  if (value.birthDate) {
    // The latest date anywhere on Earth (UTC+14): a child born today in Helsinki just after
    // midnight is not "in the future" while it is still yesterday in UTC.
    const today = new Date(Date.now() + LATEST_UTC_OFFSET_MS).toISOString().slice(0, 10);
    const oldest = `${Number(today.slice(0, 4)) - MAX_AGE_YEARS}${today.slice(4)}`;
    if (value.birthDate > today) ctx.addIssue({ code: "custom", path: ["birthDate"], message: "birthDateFuture", ...refused });
    else if (value.birthDate < oldest) ctx.addIssue({ code: "custom", path: ["birthDate"], message: "birthDateImplausible", ...refused });
  }
}

/** The whole profile form. */
export const profileCorrectionSchema = profileFields.superRefine(checkCombinations);
/** Any subset of the fields (connected systems, staff, the API). */
export const partialProfileCorrectionSchema = profileFields.partial().superRefine(checkCombinations);
/** The integration API's corrections: as partialProfileCorrectionSchema, birth dates in ISO 8601 only. */
export const isoPartialProfileCorrectionSchema = profileFields.extend({ birthDate: birthDateField({ localFormats: false }) }).partial().superRefine(checkCombinations);

export type ProfileCorrectionInput = z.input<typeof profileCorrectionSchema>;
export type ProfileCorrection = z.output<typeof profileCorrectionSchema>;
export const correctableFields = ["givenName", "familyName", "phone", "streetAddress", "postalCode", "city", "country", "preferredLanguage", "birthDate"] as const;
export type CorrectableField = (typeof correctableFields)[number];

export const emailChangeSchema = z.object({
  newEmail: z.string({ error: "emailInvalid" }).trim().toLowerCase().pipe(z.email({ error: "emailInvalid" }).max(254, { error: "emailInvalid" })),
});

export const organisationReportSchema = z.object({
  organizationId: z.string().min(1).max(64).refine(isStorableText, { error: "invalid" }),
  description: z.string().trim().min(5, { error: "reportTooShort" }).max(2000, { error: "tooLong" }).refine(isStorableText, { error: "invalid" }),
});

/** Why a staff member opens a person's record; shown to the person on their Activity page. */
export const viewReasons = ["support_call", "request_handling", "identity_resolution", "data_correction", "complaint", "other"] as const;
export type ViewReason = (typeof viewReasons)[number];

export const personViewSchema = z
  .object({
    reasonCode: z.enum(viewReasons, { error: "reasonRequired" }),
    /** Required with "other"; an optional detail otherwise. No personal data: the person reads it. */
    note: z.string().trim().max(200, { error: "tooLong" }).refine(isStorableText, { error: "invalid" }).default(""),
  })
  .refine((v) => v.reasonCode !== "other" || v.note.length >= 5, { path: ["note"], error: "noteRequired" });
export type PersonViewInput = z.input<typeof personViewSchema>;

/** A staff correction states why; the person sees it on their Activity page. */
export const staffCorrectionReasonSchema = z.string().trim().min(5, { error: "reasonRequired" }).max(500, { error: "tooLong" }).refine(isStorableText, { error: "invalid" });

/** The back-office correction form: the profile form plus the reason. */
export const staffCorrectionFormSchema = profileCorrectionSchema.and(z.object({ reason: staffCorrectionReasonSchema }));
export type StaffCorrectionFormInput = z.input<typeof staffCorrectionFormSchema>;
