// The OpenAPI document's `webhooks`: one POST per event type the outbox can hold, with the
// Standard Webhooks headers, the body generated from the event's zod schemas and the answers the
// worker expects (lib/propagation/record-delivery-outcomes.ts).
import { z } from "zod";
import { eventDataSchemas, redactedDataSchema, settingEventTypes, unredactedEventTypes } from "../propagation/event-payloads";
import { emittedEventTypes, eventTypeDescriptions, TEST_EVENT_TYPE, type EmittedEventType } from "../propagation/event-types";
import { webhookEventSchema } from "./schemas";

type JsonSchema = Record<string, unknown>;

const isSettingEvent = (type: EmittedEventType) => (settingEventTypes as readonly string[]).includes(type);
const isRedactable = (type: EmittedEventType) => !isSettingEvent(type) && !(unredactedEventTypes as readonly string[]).includes(type);

/** The whole body of one event type's webhook: the common envelope with its own `type` and `data`. */
export function webhookBodySchema(type: EmittedEventType) {
  return webhookEventSchema.extend({
    type: z.literal(type),
    ...(isSettingEvent(type)
      ? { personId: z.null().describe("Not about a person."), sequence: z.null() }
      : {
          personId: z.string().describe("The person's current id. person.merged names the merged id in data.merged (the survivor is personId)."),
          sequence: z.number().int().describe("Grows by one with every change to the person; the state in data is as of this number: apply it only if above the last one applied for the person."),
        }),
    data: isRedactable(type) ? z.union([eventDataSchemas[type], redactedDataSchema]) : eventDataSchemas[type],
  });
}

const headers = [
  { name: "webhook-id", description: "The delivery's id: the same on every retry and replay, so de-duplicate by it.", schema: { type: "string", minLength: 1 } },
  { name: "webhook-timestamp", description: "When this try was signed, in Unix seconds: refuse one too far from your clock (replays).", schema: { type: "string", pattern: "^[0-9]+$" } },
  {
    name: "webhook-signature",
    description: "`v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` with the system's secret (whsec_…); space-separated when a rotated secret still signs alongside the new one.",
    schema: { type: "string", pattern: "^v1,[A-Za-z0-9+/]+={0,2}( v1,[A-Za-z0-9+/]+={0,2})*$" },
  },
].map((header) => ({ ...header, in: "header", required: true }));

const description =
  "POSTed to the system's webhook URL, signed per the Standard Webhooks specification (verify with the `standardwebhooks` package). " +
  "Delivery is at least once and may be out of order: de-duplicate by `webhook-id`. An event about a person carries the person's whole state as of its `sequence` " +
  "(data.person, data.consents, data.restricted, data.erased): apply it only if the sequence is above the last one applied for the person, otherwise ignore the event. " +
  "A system that missed events catches up from GET /api/v1/events?after=<cursor>, which lists the same bodies in commit order.";

export function buildWebhooksSection(toSchema: (schema: z.ZodType, io: "input" | "output") => JsonSchema) {
  return Object.fromEntries(
    emittedEventTypes.map((type) => [
      type,
      {
        post: {
          operationId: `webhook_${type.replace(/\W/g, "_")}`,
          summary: type === TEST_EVENT_TYPE ? "A test event, sent only by \"Send test event\" in the back-office, to one system." : eventTypeDescriptions[type],
          description,
          tags: ["webhooks"],
          parameters: headers,
          requestBody: { required: true, content: { "application/json": { schema: toSchema(webhookBodySchema(type), "output") } } },
          responses: {
            "2XX": { description: "Received: the delivery is done." },
            "410": { description: "Gone: the system is disabled and nothing more is sent to it until an admin enables it again." },
            default: { description: "Anything else, or no answer within the time limit, is retried with back-off; after the last try the delivery is FAILED (replayable in the back-office)." },
          },
        },
      },
    ]),
  );
}
