// What an integration API key may do. A key carries only the scopes its system needs.

export const apiScopes = [
  "persons:read",
  "persons:read:details",
  "persons:write",
  "interactions:write",
  "consents:read",
  "consents:write",
  "unsubscribe:mint",
  "events:read",
  "events:ack",
  "imports:write",
] as const;

export type ApiScope = (typeof apiScopes)[number];

export const apiScopeDescriptions: Record<ApiScope, string> = {
  "persons:read": "Look persons up and read their identifiers, names and language.",
  "persons:read:details": "Also read phone, postal address, country and birth date.",
  "persons:write": "Correct a person's data and link the system's own id.",
  "interactions:write": "Report purchases, service events and support contacts.",
  "consents:read": "Read consents and check them in bulk.",
  "consents:write": "Record consents collected elsewhere, with their evidence.",
  "unsubscribe:mint": "Mint one-click unsubscribe links for marketing messages.",
  "events:read": "List the events delivered to the system.",
  "events:ack": "Acknowledge that an event or request was carried out.",
  "imports:write": "Upload CSV exports of persons and consents, and read the reports of the imports it queued.",
};

export const isApiScope = (value: string): value is ApiScope => (apiScopes as readonly string[]).includes(value);
