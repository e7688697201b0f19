// Every integration API route: method, path, scopes and schemas. Route handlers spread their
// entry into withApiKey and the OpenAPI document is built from the same entries.
import { z } from "zod";
import type { ApiScope } from "../api-keys/scopes";
import * as imports from "./import-schemas";
import * as s from "./schemas";

export interface ApiRouteSpec {
  method: "GET" | "POST" | "PATCH";
  /** OpenAPI form: /api/v1/persons/{id}. */
  path: string;
  summary: string;
  scopes: ApiScope[];
  query?: z.ZodType;
  body?: z.ZodType;
  /** A multipart/form-data body (instead of `body`), and its limit in bytes. */
  form?: z.ZodType;
  maxBodyBytes?: number;
  /** Success status → response schema. */
  responses: Record<number, z.ZodType>;
  /** The success responses' media type, when not JSON. */
  produces?: "text/csv";
  /** Problem statuses this route adds to the common ones, with their description. */
  problems?: Record<number, string>;
}

const route = <T extends ApiRouteSpec>(spec: T) => spec;

/** Every write about a person refuses an erased one (lib/persons/assert-person-writable.ts). */
const personGone = { 410: "The person was erased (GDPR Art. 17): nothing more is recorded about them; nothing was written" };
/** Every read of one person refuses an erased one too (lib/persons/require-live-person-id.ts): only a tombstone is left. */
const personGoneRead = { 410: "The person was erased (GDPR Art. 17): nothing is left to read; delete what you hold about them" };
/** Lists page by their own opaque cursor (lib/api/page-cursor.ts). */
const badCursor = { 400: "Malformed query (problem+json with `errors`), including a cursor this list did not issue or that cannot be decoded (`errors`: `cursor` → `invalidCursor`)" };

export const apiRoutes = {
  listPersons: route({
    method: "GET", path: "/api/v1/persons", summary: "Look persons up by email or external id, or list those changed since a time (erased persons are not listed: see person.erased and the 410 of a read by id)",
    scopes: ["persons:read"], query: s.personsQuerySchema, responses: { 200: s.personPageSchema }, problems: badCursor,
  }),
  getPerson: route({ method: "GET", path: "/api/v1/persons/{id}", summary: "Read a person (details need persons:read:details)", scopes: ["persons:read"], responses: { 200: s.personSchema }, problems: personGoneRead }),
  correctPerson: route({
    method: "PATCH", path: "/api/v1/persons/{id}", summary: "Correct a person's data (409 if the person changed a field since observedAt)",
    scopes: ["persons:write"], body: s.correctPersonBodySchema, responses: { 200: s.correctionResultSchema }, problems: personGone,
  }),
  linkExternalId: route({
    method: "POST", path: "/api/v1/persons/{id}/external-ids", summary: "Link the calling system's own id to a person",
    scopes: ["persons:write"], body: s.linkExternalIdBodySchema, responses: { 200: s.externalIdResultSchema, 201: s.externalIdResultSchema }, problems: personGone,
  }),
  recordInteraction: route({
    method: "POST", path: "/api/v1/persons/{id}/interactions", summary: "Report a purchase, service event or support contact (idempotent per external id)",
    scopes: ["interactions:write"], body: s.interactionBodySchema, responses: { 200: s.interactionResultSchema, 201: s.interactionResultSchema },
    problems: {
      ...personGone,
      409: "The external id is taken: by an interaction of another person, or by one with other content (kind, occurredAt, summary, amount or currency as stored); nothing was written",
    },
  }),
  listPersonConsents: route({ method: "GET", path: "/api/v1/persons/{id}/consents", summary: "Read a person's consents", scopes: ["consents:read"], responses: { 200: s.personConsentsSchema }, problems: personGoneRead }),
  recordConsent: route({
    method: "POST", path: "/api/v1/consents", summary: "Record a consent collected elsewhere, with its evidence",
    scopes: ["consents:write"], body: s.recordConsentBodySchema, responses: { 200: s.recordConsentResultSchema, 201: s.recordConsentResultSchema }, problems: personGone,
  }),
  checkConsents: route({
    method: "POST", path: "/api/v1/consents/check", summary: "Check up to 1,000 persons against purposes in one call (an erased or restricted person is answered, not refused: permitted nothing)",
    scopes: ["consents:read"], body: s.consentCheckBodySchema, responses: { 200: s.consentCheckResultSchema },
  }),
  acknowledge: route({
    method: "POST", path: "/api/v1/acknowledgements", summary: "Acknowledge that an event or request was carried out (done/failed); once per event or request: a repeat answers 200 with the acknowledgement recorded (another status or note updates it)",
    scopes: ["events:ack"], body: s.acknowledgementBodySchema, responses: { 200: s.acknowledgementResultSchema, 201: s.acknowledgementResultSchema },
  }),
  mintUnsubscribeToken: route({
    method: "POST", path: "/api/v1/unsubscribe-tokens", summary: "Mint a one-click unsubscribe link for a marketing message",
    scopes: ["unsubscribe:mint"], body: s.unsubscribeTokenBodySchema, responses: { 201: s.unsubscribeTokenResultSchema },
    problems: {
      404: "No such person, or no such published purpose (`errors` names purposeKey); no token was minted",
      422: "The purpose is retired (`errors` names purposeKey: purposeRetired), or a value a rule refuses; no token was minted",
    },
  }),
  listEvents: route({
    method: "GET", path: "/api/v1/events", summary: "Catch up: the calling system's events in commit order, oldest first, with the bodies its webhooks carry (page on with after=nextCursor)",
    scopes: ["events:read"], query: s.eventsQuerySchema, responses: { 200: s.eventPageSchema }, problems: badCursor,
  }),
  createImport: route({
    method: "POST", path: "/api/v1/imports", summary: "Upload a CSV export of persons, organisations and consents to import (or dry-run); runs in the background",
    scopes: ["imports:write"], form: imports.importFormSchema, maxBodyBytes: imports.IMPORT_FORM_MAX_BYTES, responses: { 202: imports.importCreatedSchema },
  }),
  getImport: route({
    method: "GET", path: "/api/v1/imports/{id}", summary: "Read an import's state and counts (imports the calling system queued)",
    scopes: ["imports:write"], responses: { 200: imports.importStatusSchema },
  }),
  listRefusedImportRows: route({
    method: "GET", path: "/api/v1/imports/{id}/refused", summary: "Download an import's refused rows as CSV (line, column, reason)",
    scopes: ["imports:write"], responses: { 200: imports.refusedRowsSchema }, produces: "text/csv",
  }),
};

export type ApiRouteName = keyof typeof apiRoutes;
