// What each event type carries in its webhook body's `data`: one zod schema per type the outbox
// can hold. The OpenAPI document's `webhooks` section is generated from these (one entry per type),
// and the integration tests validate the bodies really sent against that section. Every event
// about a person also carries the person's whole state as of its sequence (personState).
import { z } from "zod";
import { personConsentSchema, personSchema } from "../api/schemas";
import { correctableFields } from "../persons/schemas";
import type { EmittedEventType } from "./event-types";

const instant = z.iso.datetime({ offset: true });
const requestId = z.string().describe("The data-subject request's id: acknowledge by it (POST /api/v1/acknowledgements with requestId).");
const profileField = z.enum([...correctableFields, "email"]);
const profileValues = z
  .record(z.string(), z.string().nullable())
  .describe("The new value of each field named (a date as YYYY-MM-DD; null: cleared). Only fields the system may see.");
const system = z.string().describe("The connected system's key the change came from, e.g. crm.");
const memberships = z
  .array(z.object({ businessId: z.string(), role: z.string() }))
  .optional()
  .describe("Import only: company memberships created or whose role changed (business ID and the person's role).");
const dataSource = z.enum(["PERSON", "STAFF", "SYSTEM", "IMPORT"]);

const erasedPerson = z.object({ id: z.string(), sequence: z.number().int(), erased: z.literal(true) }).describe("An erased person: nothing but the id and the sequence is left.");

/** The person's whole state after the change, beside what the event is about (record-outbox-event.ts). */
const personState = {
  person: z
    .union([personSchema, erasedPerson])
    .describe("The person as GET /api/v1/persons/{id} answers it after this change (details only for a system whose keys hold persons:read:details), with this event's sequence."),
  consents: z.array(personConsentSchema).describe("The person's consents as GET /api/v1/persons/{id}/consents answers them after this change; empty once erased."),
  restricted: z.boolean().describe("Processing is restricted (GDPR Art. 18): nothing is permitted until lifted."),
  erased: z.boolean().describe("The person is erased: delete what you hold."),
};
const erasedState = {
  person: erasedPerson,
  consents: z.array(personConsentSchema).max(0),
  restricted: z.literal(false),
  erased: z.literal(true),
};

const consentUpdated = z.object({
  purposeKey: z.string(),
  version: z.number().int().describe("The purpose text version the status refers to."),
  status: z.enum(["GRANTED", "WITHDRAWN", "PENDING_CONFIRMATION"]),
  source: z.enum(["PORTAL", "API", "IMPORT", "GPC", "UNSUBSCRIBE_LINK", "STAFF"]),
  consentEventId: z.string(),
  permitted: z.boolean().describe("Whether the purpose may be used for the person now."),
});

/** Event type → the schema of its `data`. */
export const eventDataSchemas = {
  "person.created": z.union([
    z.object({ source: z.literal("SYSTEM"), system, ...personState }).describe("A connected system brought a new address (e.g. a consent recorded through the API)."),
    z.object({ fields: z.array(profileField), values: profileValues, source: z.literal("IMPORT"), system, memberships, ...personState }).describe("Created by an import of the system's export."),
  ]),
  "person.updated": z.object({
    changedFields: z.array(profileField),
    values: profileValues,
    source: dataSource.optional().describe("Who made the change; absent for a language the person chose in the portal."),
    system: system.optional(),
    memberships,
    ...personState,
  }),
  "person.identity_linked": z.object({ system, externalId: z.string().optional().describe("Absent when an import linked the ids (see externalIds)."), ...personState }),
  "person.erasure_requested": z.object({ requestId, scheduledFor: instant.describe("When the erasure runs, after the cooling-off period."), ...personState }),
  "person.erased": z.object({ requestId, erasedAt: instant, ...erasedState }),
  "person.restricted": z.object({ requestId, restrictedAt: instant, ...personState }),
  "person.restriction_lifted": z.object({ requestId, liftedAt: instant, ...personState }),
  "person.merged": z.object({
    survivor: z.string().describe("The person who lives on (also personId)."),
    merged: z.string().describe("The merged person's former id: it keeps working on the API and means the survivor."),
    mergedPersonId: z.string().describe("The same as merged."),
    changedFields: z.array(z.string()).describe("The survivor's fields that took the merged person's values."),
    ...personState,
  }),
  "consent.updated": consentUpdated.extend(personState),
  "interaction.recorded": z.object({
    interactionId: z.string(),
    system,
    kind: z.enum(["PURCHASE", "SERVICE", "SUPPORT"]),
    occurredAt: instant,
    ...personState,
  }),
  "purpose.version_published": z.object({
    purposeKey: z.string(),
    version: z.number().int(),
    material: z.boolean().describe("A material change: grants of earlier versions need renewal."),
    renewalFromVersion: z.number().int().describe("Grants of versions below this one no longer permit."),
  }),
  "purpose.retired": z.object({ purposeKey: z.string() }),
  "system.test": z.object({ systemId: z.string(), note: z.string() }),
} satisfies Record<EmittedEventType, z.ZodType>;

/**
 * An erasure empties the `data` of the person's earlier events, except the request events, whose
 * state it replaces with the erased one (lib/requests/erase-person.ts): one still waiting, retried
 * or replayed goes out as this.
 */
export const redactedDataSchema = z
  .object({ redacted: z.literal(true), ...erasedState })
  .describe("The person was erased before this went out: what the event was about was removed, only the envelope and the erased state are left.");
export const unredactedEventTypes = ["person.erasure_requested", "person.erased", "person.restricted", "person.restriction_lifted"] as const satisfies readonly EmittedEventType[];

/** Events about a setting, not a person: personId and sequence are null, externalIds empty. */
export const settingEventTypes = ["purpose.version_published", "purpose.retired", "system.test"] as const satisfies readonly EmittedEventType[];
