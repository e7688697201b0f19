// The integration API's request and response schemas: the handlers validate with them and the
// OpenAPI document is generated from them, so the two cannot disagree.
import { z } from "zod";
import { purposeKeySchema } from "../consents/schemas";
import { locales } from "../i18n/locales";
import { isoPartialProfileCorrectionSchema } from "../persons/schemas";
import { notInFuture } from "../validation/not-in-future";
import { pageCursorParam, type CursorList } from "./page-cursor";

const id = z.string().min(1).max(64);
/** A person id a system holds: one merged into another person still works and means the survivor. */
const personId = id.describe("A person's id. The id of a person merged into another still works: it means the survivor.");
/** An ISO 8601 instant in years 1-9999: PostgreSQL refuses year 0 (1 BC) as the driver writes it. */
const dateTime = z.iso.datetime({ offset: true }).refine((value) => {
  const year = new Date(value).getUTCFullYear();
  return year >= 1 && year <= 9999;
}, "dateOutOfRange");
/** When something happened: not later than now (5 minutes of clock skew allowed), else 422. */
const pastDateTime = notInFuture(dateTime);
const externalId = z.string().trim().min(1).max(200);
/** Addresses are compared trimmed and lower-cased, as they are stored. */
const email = z.string().trim().toLowerCase().pipe(z.email().max(254));

/** A list's paging parameters: its own cursor (lib/api/page-cursor.ts) and a page size. */
export const pageQuery = (list: CursorList) => ({
  cursor: pageCursorParam(list),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const personsQuerySchema = z
  .object({
    email: email.optional(),
    externalId: externalId.optional(),
    system: z.string().min(1).max(40).optional().describe("Whose external id; defaults to the calling system."),
    updatedSince: dateTime.optional(),
    ...pageQuery("persons"),
  })
  .strict();

/** Shared by the person and the webhook body's top-level `externalIds`. */
export const externalIdMapSchema = z
  .record(z.string(), z.array(z.string()))
  .describe(
    "System key → every id that system holds for the person, as a sorted list. A system may hold several ids for one person " +
      "(e.g. two CRM records merged into one person). Changed in 1.1.0: each value used to be a single string; it is now always a list.",
  )
  .meta({ examples: [{ crm: ["100005", "200011"], webshop: ["WS-77812"] }] });

export const personSchema = z.object({
  id,
  email: z.string().nullable(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  externalIds: externalIdMapSchema,
  sequence: z.number().int().describe("Grows with every change; the sequence of the latest webhook about the person."),
  updatedAt: dateTime,
  details: z
    .object({
      phone: z.string().nullable(),
      streetAddress: z.string().nullable(),
      postalCode: z.string().nullable(),
      city: z.string().nullable(),
      country: z.string().nullable(),
      birthDate: z.string().nullable(),
    })
    .optional()
    .describe("Only with the persons:read:details scope."),
});

export const personPageSchema = z.object({ items: z.array(personSchema), nextCursor: z.string().nullable() });

export const correctPersonBodySchema = z
  .object({
    observedAt: pastDateTime.describe(
      "When the system saw the values it sends, not later than now (5 minutes of clock skew allowed; later is 422). A field the person changed themselves after this is refused with 409.",
    ),
    changes: isoPartialProfileCorrectionSchema.strict(),
  })
  .strict();

export const correctionResultSchema = z.object({ changedFields: z.array(z.string()) });

export const linkExternalIdBodySchema = z.object({ externalId }).strict();
export const externalIdResultSchema = z.object({ system: z.string(), externalId: z.string(), linked: z.boolean() });

export const interactionBodySchema = z
  .object({
    externalId: externalId.describe("The system's own id of the interaction: posting it again changes nothing."),
    kind: z.enum(["PURCHASE", "SERVICE", "SUPPORT"]),
    occurredAt: pastDateTime.describe("When it happened: not later than now (5 minutes of clock skew allowed; later is 422)."),
    summary: z.string().trim().min(1).max(500),
    amountMinor: z.number().int().min(-1_000_000_000).max(1_000_000_000).optional().describe("In minor units (cents)."),
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  })
  .strict()
  .refine((v) => (v.amountMinor === undefined) === (v.currency === undefined), { path: ["currency"], message: "amountAndCurrencyTogether" });

export const interactionResultSchema = z.object({ id, externalId: z.string(), created: z.boolean() });

export const personConsentSchema = z.object({
  purposeKey: z.string(),
  status: z.enum(["GRANTED", "WITHDRAWN", "PENDING_CONFIRMATION", "NOT_SET"]),
  permitted: z.boolean(),
  needsRenewal: z.boolean(),
  version: z.number().int().describe("The purpose's current text version."),
  stateVersion: z.number().int().nullable(),
  updatedAt: dateTime.nullable(),
});
export const personConsentsSchema = z.object({ items: z.array(personConsentSchema) });

export const personRefSchema = z.union([
  z.object({ id: personId }).strict(),
  z.object({ email }).strict(),
  z.object({ externalId }).strict().describe("The calling system's own id."),
]);

export const consentCheckBodySchema = z
  .object({ purposes: z.array(purposeKeySchema).min(1).max(50), persons: z.array(personRefSchema).min(1).max(1000) })
  .strict();

export const consentCheckResultSchema = z.object({
  results: z.array(z.object({ ref: personRefSchema, personId: z.string().nullable(), permitted: z.record(z.string(), z.boolean()) })),
  unknownPurposes: z.array(z.string()),
});

export const consentEvidenceSchema = z
  .object({
    collectedAt: pastDateTime.describe("When the person gave or withdrew it: not later than now (5 minutes of clock skew allowed; later is 422)."),
    method: z.enum(["web_form", "paper", "phone", "email", "in_store", "other"]),
    reference: z.string().trim().min(1).max(200).optional().describe("The system's own record of it, e.g. a form submission id."),
    locale: z.enum(locales).optional(),
    userAgent: z.string().max(512).optional(),
    version: z.number().int().positive().optional().describe("The purpose text version the person saw."),
  })
  .strict();

export const recordConsentBodySchema = z
  .object({
    person: z.union([z.object({ id: personId }).strict(), z.object({ email }).strict()]).describe("By email, an unknown address becomes a new person."),
    purposeKey: purposeKeySchema,
    status: z.enum(["GRANTED", "WITHDRAWN"]),
    evidence: consentEvidenceSchema,
  })
  .strict();

export const recordConsentResultSchema = z.object({
  personId: id,
  purposeKey: z.string(),
  status: z.enum(["GRANTED", "WITHDRAWN", "PENDING_CONFIRMATION"]).describe("PENDING_CONFIRMATION: a double opt-in purpose waits for the person to confirm by the emailed link (queued with the change, retried while the mail server is unreachable)."),
  changed: z.boolean(),
  consentEventId: z.string().nullable(),
});

export const acknowledgementBodySchema = z
  .object({
    eventId: z.string().min(1).max(64).optional().describe("The webhook body's id."),
    requestId: z.string().min(1).max(64).optional().describe("A data-subject request's id (data.requestId of its events)."),
    status: z.enum(["done", "failed"]),
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
  .refine((v) => (v.eventId === undefined) !== (v.requestId === undefined), { message: "eventIdOrRequestId" })
  // The refinement has no JSON Schema form: the document states it as exactly one of the two.
  .meta({ oneOf: [{ required: ["eventId"] }, { required: ["requestId"] }] });

export const acknowledgementResultSchema = z.object({ id, status: z.enum(["DONE", "FAILED"]), eventId: z.string().nullable(), requestId: z.string().nullable() });

export const unsubscribeTokenBodySchema = z
  .object({ personId, purposeKey: purposeKeySchema, expiresInDays: z.number().int().min(1).max(365).default(90) })
  .strict();
export const unsubscribeTokenResultSchema = z.object({ token: z.string(), url: z.string(), oneClickUrl: z.string(), expiresAt: dateTime });

export const eventsQuerySchema = z
  .object({
    type: z.string().max(64).optional().describe("Only events of this type."),
    after: pageCursorParam("events").describe("The nextCursor of an earlier answer, as it was given (opaque): the events after it. Without it, from the first event for the system. Any other value is refused with 400 (errors: after)."),
    limit: pageQuery("events").limit,
  })
  .strict();

/** The body of every webhook (Standard Webhooks signed); documented under the document's `webhooks`. */
export const webhookEventSchema = z.object({
  id: z.string().describe("The event's id; stable across retries (also the webhook-id header)."),
  type: z.string().describe("The event type, e.g. person.updated, person.merged, person.erased."),
  occurredAt: dateTime,
  personId: z.string().nullable().describe("The person's current id. person.merged names the merged id in data.merged (the survivor is personId)."),
  sequence: z
    .number()
    .int()
    .nullable()
    .describe("Grows by one with every change to the person. data.person, data.consents and the flags are the person's whole state as of this number: apply them only if it is above the last one applied for the person, otherwise ignore the event."),
  externalIds: externalIdMapSchema,
  data: z.record(z.string(), z.unknown()).describe("What the event is about; only what a receiver needs."),
});

/** The catch-up feed: the system's events in commit order, each the body its webhook carries. */
export const eventPageSchema = z.object({
  items: z.array(webhookEventSchema),
  nextCursor: z
    .string()
    .nullable()
    .describe("Pass as `after` to read on; keep it to resume later (given again when nothing new is there). Null only while there has been no event for the system."),
  hasMore: z.boolean().describe("More events are ready now: read on at once. False: poll again later with the same nextCursor."),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional().describe("Field problems of a 400/409/422: JSON path and a message key."),
  missingScopes: z.array(z.string()).optional().describe("403: the scopes the key lacks."),
  conflicts: z
    .array(z.object({ field: z.string(), currentValue: z.string().nullable(), changedAt: z.string().nullable() }))
    .optional()
    .describe("409 on a correction: the fields the person changed after observedAt, with their current values."),
});
