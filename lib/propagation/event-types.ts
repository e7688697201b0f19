// The catalogue of event types a connected system can subscribe to. Producers elsewhere write
// these types into the outbox; the fan-out sends each event only to systems subscribed to it.

export const eventTypes = [
  "person.created",
  "person.updated",
  "person.identity_linked",
  "person.erasure_requested",
  "person.erased",
  "person.restricted",
  "person.restriction_lifted",
  "person.merged",
  "consent.updated",
  "interaction.recorded",
  "purpose.version_published",
  "purpose.retired",
] as const;

export type EventType = (typeof eventTypes)[number];

/** Sent only by "Send test event", to one system; no system subscribes to it. */
export const TEST_EVENT_TYPE = "system.test";

/**
 * Every type the outbox can hold: the catalogue and the test event. Outbox producers are typed by
 * it (OutboxInput), and the OpenAPI document has one `webhooks` entry for each.
 */
export const emittedEventTypes = [...eventTypes, TEST_EVENT_TYPE] as const;
export type EmittedEventType = (typeof emittedEventTypes)[number];

/** What each event means, for the back-office and the API page. */
export const eventTypeDescriptions: Record<EventType, string> = {
  "person.created": "A person was created (e.g. a consent recorded through the API for a new address).",
  "person.updated": "Profile fields were corrected: data.changedFields and data.values.",
  "person.identity_linked": "A connected system linked its id for the person (externalIds).",
  "person.erasure_requested": "The person asked for erasure; erase when it follows as person.erased.",
  "person.erased": "The person was erased: delete what you hold and acknowledge through the API.",
  "person.restricted": "Processing is restricted (GDPR Art. 18): store, do not use.",
  "person.restriction_lifted": "The restriction ended.",
  "person.merged": "Two persons were merged: data.mergedPersonId now lives on as personId.",
  "consent.updated": "A consent changed: data.purposeKey, data.status, data.permitted.",
  "interaction.recorded": "A connected system reported a purchase, service event or support contact.",
  "purpose.version_published": "A purpose's text changed; material changes need renewal.",
  "purpose.retired": "A purpose was retired and permits nothing any more.",
};

export const isEventType = (value: string): value is EventType => (eventTypes as readonly string[]).includes(value);
