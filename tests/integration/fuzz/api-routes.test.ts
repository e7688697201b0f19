// Property-based fuzzing of the integration API (fast-check): every route of /api/v1 gets
// generated bodies (schema-shaped with wrong, missing, huge, unicode and NUL values; arbitrary
// JSON; raw text and bytes; truncated JSON), query strings, headers (authorization, Idempotency-Key,
// content-type, others) and path ids. Per call: never a 5xx; every 4xx is problem+json; and a
// rejected call (4xx) leaves the row count of every table as it was.
//
// Generated calls: 15 route/method pairs × API_RUNS_PER_ROUTE (400) = 6,000 in this file (the
// server actions file makes 5,700 more: 11,700 in all). The Imports API's upload gets multipart
// forms (files of CSV, text and bytes; mappings, sources and flags valid and not) besides the rest. The seed is fast-check's random one; a
// failure prints it with the shrunk counterexample.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as acknowledgements from "@/app/api/v1/acknowledgements/route";
import * as consentCheck from "@/app/api/v1/consents/check/route";
import * as consents from "@/app/api/v1/consents/route";
import * as events from "@/app/api/v1/events/route";
import * as importRefused from "@/app/api/v1/imports/[id]/refused/route";
import * as importStatus from "@/app/api/v1/imports/[id]/route";
import * as imports from "@/app/api/v1/imports/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as personConsents from "@/app/api/v1/persons/[id]/consents/route";
import * as externalIds from "@/app/api/v1/persons/[id]/external-ids/route";
import * as interactions from "@/app/api/v1/persons/[id]/interactions/route";
import * as person from "@/app/api/v1/persons/[id]/route";
import * as persons from "@/app/api/v1/persons/route";
import * as unsubscribeTokens from "@/app/api/v1/unsubscribe-tokens/route";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { apiScopes } from "@/lib/api-keys/scopes";
import { apiRoutes } from "@/lib/api/api-routes";
import { overrideConfig } from "@/lib/config";
import { retirePurpose } from "@/lib/consents/retire-purpose";
import { createPurpose } from "@/lib/consents/create-purpose";
import { fanOutEvents } from "@/lib/propagation/fan-out-events";
import { eventTypes } from "@/lib/propagation/event-types";
import { sendTestEvent } from "@/lib/propagation/send-test-event";
import { executeErasure } from "@/lib/requests/execute-erasure";
import { requestErasure } from "@/lib/requests/request-erasure";
import { requestRestriction } from "@/lib/requests/request-restriction";
import { createPerson, uniqueEmail } from "../../factories/persons";
import { adminActor, createPublishedPurpose, purposeTexts, uniquePurposeKey } from "../../factories/purposes";
import { createFullPerson } from "../../factories/requests";
import { createKey, createSystem, systemAdmin } from "../../factories/systems";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";
import { rowCounter } from "../../support/row-counter";

const API_RUNS_PER_ROUTE = 400;

let t: TestDatabase;
let counts: () => Promise<Record<string, number>>;
const pool = {
  keys: { full: "", narrow: "", revoked: "" },
  personIds: [] as string[],
  emails: [] as string[],
  externalIds: [] as string[],
  purposeKeys: [] as string[],
  eventIds: [] as string[],
  requestIds: [] as string[],
  importIds: [] as string[],
};


beforeAll(async () => {
  overrideConfig({ API_RATE_LIMIT_PER_MINUTE: "1000000" });
  t = await setupTestDatabase();
  const prisma = t.database.prisma;
  // A public IP literal: nothing is resolved, and the worker does not run here.
  const system = await createSystem({ webhookUrl: "https://93.184.216.34/hook", eventTypes: [...eventTypes] });
  pool.keys.full = await createKey(system.id, [...apiScopes]);
  pool.keys.narrow = await createKey(system.id, ["events:read"]);
  pool.keys.revoked = await createKey(system.id, ["persons:read"]);
  const revokedId = (await prisma.apiKey.findUniqueOrThrow({ where: { prefix: pool.keys.revoked.split("_").slice(0, 2).join("_") }, select: { id: true } })).id;
  await revokeApiKey({ actor: systemAdmin, systemId: system.id, keyId: revokedId });

  const open = await createPublishedPurpose();
  const doubleOptIn = await createPublishedPurpose({ requiresDoubleOptIn: true });
  const sale = await createPublishedPurpose({ isSaleOrSharing: true });
  const legitimate = await createPublishedPurpose({ legalBasis: "LEGITIMATE_INTEREST", channel: "POST" });
  const retired = await createPublishedPurpose();
  await retirePurpose({ actor: adminActor, input: { purposeKey: retired } });
  const draft = uniquePurposeKey("draft");
  await createPurpose({ actor: adminActor, input: { key: draft, channel: "EMAIL", legalBasis: "CONSENT", texts: purposeTexts(draft) } });
  pool.purposeKeys.push(open, doubleOptIn, sale, legitimate, retired, draft, "unknown-purpose");

  const plain = await createPerson(prisma, {}, [{ system: system.key, externalId: "EXT-PLAIN" }]);
  const full = await createFullPerson(prisma, open, "fuzz");
  await prisma.externalIdentity.create({ data: { personId: full.person.id, system: system.key, externalId: "EXT-FULL" } });
  const restricted = await createFullPerson(prisma, open, "restricted");
  const restriction = await requestRestriction({ actor: restricted.actor, personId: restricted.person.id, input: { description: "My address is disputed" } });
  const erased = await createFullPerson(prisma, open, "erased");
  const erasure = await requestErasure({ actor: erased.actor, personId: erased.person.id, signedInAt: new Date() });
  await executeErasure({ requestId: erasure.id }, { now: new Date(Date.now() + 365 * 86_400_000) });
  const pending = await createFullPerson(prisma, open, "pending");
  const pendingErasure = await requestErasure({ actor: pending.actor, personId: pending.person.id, signedInAt: new Date() });
  pool.personIds.push(plain.id, full.person.id, restricted.person.id, erased.person.id, pending.person.id);
  pool.emails.push(plain.email!, full.email, restricted.email, erased.email, pending.email);
  pool.externalIds.push("EXT-PLAIN", "EXT-FULL", `CRM${full.tag}`);
  pool.requestIds.push(restriction.id, erasure.id, pendingErasure.id);

  await fanOutEvents(prisma, new Date());
  pool.eventIds.push((await sendTestEvent({ actor: systemAdmin, systemId: system.id })).eventId);
  pool.eventIds.push(...(await prisma.delivery.findMany({ where: { systemId: system.id }, select: { eventId: true }, take: 10 })).map((d) => d.eventId));
  const upload = new FormData();
  upload.append("file", new File(["email;Uutiskirje\r\nfuzz@example.test;kyllä\r\n"], "fuzz.csv"));
  upload.append("mapping", JSON.stringify({ Uutiskirje: `consent:${open}` }));
  const queued = await imports.POST(new Request("http://localhost/api/v1/imports", { method: "POST", headers: { authorization: `Bearer ${pool.keys.full}` }, body: upload }), { params: Promise.resolve({}) } as never);
  pool.importIds.push(((await queued.json()) as { id: string }).id);
  counts = await rowCounter(t.database);
}, 120_000);
afterAll(async () => t?.drop());

// ---- values ----------------------------------------------------------------------------------

const nul = fc.string({ maxLength: 10 }).map((s) => `${s}\u0000${s}`);
const huge = fc.constantFrom("x".repeat(70_000), "ä".repeat(3_000), "😀".repeat(600), `${"a".repeat(64)}@${"b".repeat(250)}.test`);
/** A wrong value of any kind. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  nul,
  huge,
  fc.constantFrom("", " ", "\t\n", "null", "0", "-1", "1e309", "true", "[]", "{}", "undefined", "__proto__"),
  fc.integer(),
  fc.double(),
  fc.constantFrom(2 ** 53 + 1, -0, 1e308, -1e308, 0.5),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);
const MISSING = Symbol("missing");
/**
 * A body shaped like the schema: usually every field there with a plausible value, some missing
 * or junk; else any subset of the fields, half of them junk, with unknown extra fields.
 */
const shaped = (model: Record<string, fc.Arbitrary<unknown>>) => {
  const build = (validWeight: number, missingFreq: number) =>
    fc.record(
      Object.fromEntries(
        Object.entries(model).map(([key, valid]) => [key, fc.option(fc.oneof({ arbitrary: valid, weight: validWeight }, { arbitrary: junk, weight: 1 }), { freq: missingFreq, nil: MISSING })]),
      ),
    );
  const strip = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== MISSING));
  const loose = fc
    .tuple(build(1, 2), fc.option(fc.dictionary(fc.string({ maxLength: 12 }), junk, { minKeys: 1, maxKeys: 2 }), { freq: 3 }))
    .map(([record, extra]) => ({ ...(extra ?? {}), ...strip(record) }));
  return fc.oneof({ arbitrary: build(30, 15).map(strip), weight: 4 }, { arbitrary: loose, weight: 1 });
};

const fromPool = (values: () => string[]) => fc.nat().map((n) => values()[n % values().length]!);
/** Mostly a value the schema accepts, else a wrong one of the same kind. */
const validOr = (valid: fc.Arbitrary<unknown>, ...wrong: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown> => fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: fc.oneof(...wrong), weight: 1 });
const text = (max: number) => fc.oneof(fc.string({ minLength: 1, maxLength: Math.min(max, 40) }), fc.string({ unit: "grapheme", minLength: 1, maxLength: Math.min(max, 20) }));
const tooLong = (max: number) => fc.string({ minLength: max + 1, maxLength: max + 20 });

const personId = validOr(fromPool(() => pool.personIds), fc.uuid(), fc.string(), fc.string({ unit: "binary", maxLength: 80 }), nul, tooLong(64), fc.constantFrom("..", "%00", " ", "a/b", "?x=1", "#"));
const email = validOr(
  fc.oneof(fromPool(() => pool.emails), fc.uuid().map((u) => uniqueEmail(u.slice(0, 8)))),
  fromPool(() => pool.emails).map((e) => `  ${e.toUpperCase()} `),
  fc.emailAddress(),
  fc.string(),
  nul,
);
const now = () => Date.now();
const dateTime = validOr(
  fc.integer({ min: -3_600_000, max: 30_000 }).map((ms) => new Date(now() + ms).toISOString()),
  fc.date({ min: new Date("1900-01-01"), max: new Date("2200-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom("2026-13-40T25:61:00Z", "2026-02-30T10:00:00+02:00", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "2026-11-01T10:00:00+14:00", "2026-11-01", "yesterday"),
);
const externalId = validOr(fc.oneof(fromPool(() => pool.externalIds), text(200)), tooLong(200), fc.string({ unit: "binary", maxLength: 40 }), nul, fc.constant("   "));
const purposeKey = validOr(fromPool(() => pool.purposeKeys), fc.stringMatching(/^[a-z][a-z0-9-]{1,62}$/), fc.string(), nul);
const locale = validOr(fc.constantFrom("fi", "sv", "en"), fc.constantFrom("de", "", "FI", "en-GB"));
const personRef = fc.oneof(shaped({ id: personId }), shaped({ email }), shaped({ externalId }), shaped({ id: personId, email }));
/** A list of references, most of them well-formed (one bad item refuses the whole list). */
const personRefs = (min: number, max: number) =>
  fc.array(fc.oneof({ arbitrary: fc.oneof(fromPool(() => pool.personIds).map((id) => ({ id })), fromPool(() => pool.emails).map((e) => ({ email: e })), fromPool(() => pool.externalIds).map((x) => ({ externalId: x }))), weight: 30 }, personRef), { minLength: min, maxLength: max });

const corrections = shaped({
  givenName: validOr(text(100), tooLong(100), fc.string({ unit: "binary", maxLength: 30 }), nul),
  familyName: validOr(text(100), tooLong(100), nul),
  phone: validOr(fc.constantFrom("+358401234567", "040 123 4567", "+46701234567", ""), fc.constantFrom("12345", "+1", "phone"), fc.string({ maxLength: 20 }), nul),
  streetAddress: validOr(text(200), tooLong(200), nul),
  postalCode: validOr(fc.stringMatching(/^\d{5}$/), fc.string({ maxLength: 25 }), nul),
  city: validOr(text(100), tooLong(100), fc.string({ unit: "binary", maxLength: 20 }), nul),
  country: validOr(fc.constantFrom("FI", "SE", "fi", ""), fc.constantFrom("XX", "fin", "Finland"), fc.string({ maxLength: 4 })),
  preferredLanguage: locale,
  birthDate: validOr(
    fc.date({ min: new Date("1910-01-01"), max: new Date("2020-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.date({ min: new Date("1700-01-01"), max: new Date("2200-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.constantFrom("2026-02-30", "0000-00-00", "1990-1-1", "31.12.1990"),
    fc.string({ maxLength: 12 }),
  ),
});

const bodies = {
  correctPerson: shaped({ observedAt: dateTime, changes: corrections }),
  linkExternalId: shaped({ externalId }),
  recordInteraction: shaped({
    externalId,
    kind: validOr(fc.constantFrom("PURCHASE", "SERVICE", "SUPPORT"), fc.constantFrom("purchase", "REFUND", "")),
    occurredAt: dateTime,
    summary: validOr(text(500), tooLong(500), nul, huge),
    amountMinor: validOr(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer(), fc.double(), fc.constant("100")),
    currency: validOr(fc.constantFrom("EUR", "SEK", "USD"), fc.constantFrom("eur", "EURO", "€"), fc.string({ maxLength: 4 })),
  }),
  recordConsent: shaped({
    person: fc.oneof({ arbitrary: shaped({ id: personId }), weight: 4 }, { arbitrary: shaped({ email }), weight: 4 }, personRef),
    purposeKey,
    status: validOr(fc.constantFrom("GRANTED", "WITHDRAWN"), fc.constantFrom("PENDING_CONFIRMATION", "granted", "")),
    evidence: shaped({
      collectedAt: dateTime,
      method: validOr(fc.constantFrom("web_form", "paper", "phone", "email", "in_store", "other"), fc.constantFrom("fax", "")),
      reference: validOr(text(200), tooLong(200), nul),
      locale,
      userAgent: validOr(text(512), tooLong(512), nul),
      version: validOr(fc.integer({ min: 1, max: 3 }), fc.integer({ min: -1, max: 0 }), fc.integer(), fc.double()),
    }),
  }),
  checkConsents: shaped({
    purposes: validOr(fc.array(purposeKey, { minLength: 1, maxLength: 5 }), fc.array(purposeKey, { maxLength: 55 }), fc.constant([])),
    persons: validOr(personRefs(1, 20), personRefs(990, 1010), fc.array(personRef, { maxLength: 5 })),
  }),
  acknowledge: fc.oneof(
    shaped({ eventId: validOr(fromPool(() => pool.eventIds), fc.uuid(), tooLong(64), nul), status: validOr(fc.constantFrom("done", "failed"), fc.constantFrom("DONE", "pending")), note: validOr(text(1000), tooLong(1000), nul, huge) }),
    shaped({ requestId: validOr(fromPool(() => pool.requestIds), fc.uuid(), tooLong(64), nul), status: validOr(fc.constantFrom("done", "failed"), fc.constantFrom("DONE", "pending")), note: validOr(text(1000), tooLong(1000), nul) }),
    shaped({ eventId: fromPool(() => pool.eventIds), requestId: fromPool(() => pool.requestIds), status: fc.constantFrom("done", "failed") }),
  ),
  mintUnsubscribeToken: shaped({ personId, purposeKey, expiresInDays: validOr(fc.integer({ min: 1, max: 365 }), fc.integer({ min: -2, max: 0 }), fc.integer({ min: 366, max: 10_000 }), fc.double()) }),
};

const importTarget = validOr(
  fc.constantFrom("email", "externalId", "phone", "givenName", "country", "businessId", "createdAt", "ignore"),
  purposeKey.map((key) => `consent:${String(key)}`),
  fc.constantFrom("e-mail", "consent:", "IGNORE", ""),
  fc.string(),
);
const csvFile = fc.oneof(
  { arbitrary: fc.constantFrom("email\r\nfuzz@example.test\r\n", "Sähköposti;Uutiskirje\r\nx@example.test;ei\r\n", "Record ID,Email,Phone\r\n1,not-an-email,040\r\n", "email,email\r\n", "", "\uFEFF\r\n"), weight: 4 },
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.uint8Array({ maxLength: 300 }),
);
/** Mostly absent: present one time in `every` (fc.option's freq is the other way round: absent one time in freq). */
const seldom = <T>(arbitrary: fc.Arbitrary<T>, every: number) => fc.oneof({ arbitrary: fc.constant(null), weight: every - 1 }, { arbitrary, weight: 1 });
/** An upload: a file (or not) and the other parts, mostly well-formed, some missing, junk or unknown. */
const importForm = fc
  .record({
    file: fc.option(fc.tuple(csvFile, validOr(fc.constantFrom("export.csv", "EXPORT.TXT"), fc.constantFrom("export.xlsx", "", ".csv", "a\u0000.csv"), fc.string())), { freq: 8 }),
    mapping: fc.option(
      validOr(fc.dictionary(fc.constantFrom("email", "Sähköposti", "Uutiskirje", "Record ID", "Email", "Phone", "missing"), importTarget, { maxKeys: 3 }).map((m) => JSON.stringify(m)), fc.string(), nul, fc.jsonValue().map((v) => JSON.stringify(v))),
      { freq: 2 },
    ),
    source: seldom(validOr(fc.constantFrom("no-such-system"), fc.string(), nul), 4),
    dryRun: fc.option(validOr(fc.constantFrom("true", "false"), fc.string()), { freq: 2 }),
    keepValidRows: fc.option(validOr(fc.constantFrom("true", "false"), fc.string()), { freq: 3 }),
    extra: seldom(fc.tuple(fc.string({ maxLength: 10 }), fc.string()), 8),
  })
  .map(({ file, extra, ...parts }) => {
    const form = new FormData();
    if (file) form.append("file", new File([file[0] as BlobPart], String(file[1])));
    for (const [name, value] of Object.entries(parts)) if (value !== null) form.append(name, String(value));
    if (extra) form.append(extra[0], extra[1]);
    return form;
  });
const importId = validOr(fromPool(() => pool.importIds), fc.uuid(), fc.string(), nul, tooLong(64));

/** A body as sent: mostly schema-shaped JSON, else any JSON, raw text, raw bytes, truncated JSON or none. */
const bodyOf = (model: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string | Uint8Array | undefined> =>
  fc.oneof(
    { arbitrary: model.map((value) => JSON.stringify(value)), weight: 20 },
    { arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)), weight: 1 },
    { arbitrary: fc.object().map((value) => JSON.stringify(value)), weight: 1 },
    { arbitrary: fc.string({ unit: "binary" }), weight: 1 },
    { arbitrary: fc.uint8Array({ maxLength: 300 }), weight: 1 },
    { arbitrary: model.chain((value) => { const text = JSON.stringify(value); return fc.nat(text.length).map((n) => text.slice(0, n)); }), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );

const queryValue = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 30 }),
  nul,
  fc.integer().map(String),
  fc.constantFrom("", "0", "-1", "1", "200", "201", "1e3", "NaN", "Infinity", " 5", "5.5", "0x10", "PENDING", "FAILED", "person.erased"),
  dateTime,
  email,
  personId,
  externalId,
  fc.uuid(),
).map(String);
const queryOf = (keys: string[]) =>
  fc.oneof(
    { arbitrary: fc.array(fc.tuple(fc.oneof({ arbitrary: fc.constantFrom(...keys), weight: 5 }, fc.string({ maxLength: 10 })), queryValue), { maxLength: 5 }).map((pairs) => new URLSearchParams(pairs).toString()), weight: 6 },
    { arbitrary: fc.string({ maxLength: 60 }), weight: 1 },
    { arbitrary: fc.constant(""), weight: 1 },
  );

/** Header values as an HTTP server would pass them on: visible ASCII, spaces, tabs and obs-text. */
const headerText = fc.string({ unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.constant(0x09), fc.integer({ min: 0x80, max: 0xff })).map((c) => String.fromCharCode(c)), maxLength: 300 });
const authorization = fc.oneof(
  { arbitrary: fc.constant(() => `Bearer ${pool.keys.full}`), weight: 24 },
  { arbitrary: fc.constant(() => `Bearer ${pool.keys.narrow}`), weight: 1 },
  { arbitrary: fc.constant(() => `Bearer ${pool.keys.revoked}`), weight: 1 },
  { arbitrary: fc.constant(() => `bearer ${pool.keys.full}`), weight: 1 },
  { arbitrary: fc.constant(() => `Bearer ${pool.keys.full.slice(0, -1)}`), weight: 1 },
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{20,60}$/).map((s) => () => `Bearer omk_0123abcd_${s}`), weight: 1 },
  { arbitrary: headerText.map((s) => () => s), weight: 1 },
  { arbitrary: fc.constant(() => null), weight: 1 },
);
const idempotencyKey = fc.oneof(
  { arbitrary: fc.constant(null), weight: 16 },
  { arbitrary: fc.stringMatching(/^[\x21-\x7e]{1,40}$/), weight: 4 },
  fc.constantFrom("k-1", "k-2", "k-3"),
  headerText,
  fc.constant("x".repeat(256)),
);
const contentType = fc.oneof(
  { arbitrary: fc.constant("application/json"), weight: 4 },
  { arbitrary: fc.constant(null), weight: 2 },
  fc.constantFrom("application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/problem+json"),
  headerText,
);
const reserved = new Set(["authorization", "idempotency-key", "content-type", "content-length", "transfer-encoding", "host", "connection", "expect", "upgrade", "keep-alive", "te", "trailer"]);
const extraHeaders = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/).filter((name) => !reserved.has(name)), headerText, { maxKeys: 3 });

// ---- the routes --------------------------------------------------------------------------------

type Handler = (request: Request, context: never) => Promise<Response> | Response;
interface RouteCase {
  name: string;
  method: "GET" | "POST" | "PATCH";
  path: string;
  handler: Handler;
  body?: fc.Arbitrary<Record<string, unknown>>;
  /** A multipart/form-data body, sent besides the JSON and raw ones. */
  form?: fc.Arbitrary<FormData>;
  /** The path's {id}, when it is not a person's. */
  id?: fc.Arbitrary<unknown>;
  query?: string[];
}

const routes: RouteCase[] = [
  { name: "listPersons", method: "GET", path: "/api/v1/persons", handler: persons.GET, query: ["email", "externalId", "system", "updatedSince", "cursor", "limit"] },
  { name: "getPerson", method: "GET", path: "/api/v1/persons/{id}", handler: person.GET },
  { name: "correctPerson", method: "PATCH", path: "/api/v1/persons/{id}", handler: person.PATCH, body: bodies.correctPerson },
  { name: "linkExternalId", method: "POST", path: "/api/v1/persons/{id}/external-ids", handler: externalIds.POST, body: bodies.linkExternalId },
  { name: "recordInteraction", method: "POST", path: "/api/v1/persons/{id}/interactions", handler: interactions.POST, body: bodies.recordInteraction },
  { name: "listPersonConsents", method: "GET", path: "/api/v1/persons/{id}/consents", handler: personConsents.GET },
  { name: "recordConsent", method: "POST", path: "/api/v1/consents", handler: consents.POST, body: bodies.recordConsent },
  { name: "checkConsents", method: "POST", path: "/api/v1/consents/check", handler: consentCheck.POST, body: bodies.checkConsents },
  { name: "acknowledge", method: "POST", path: "/api/v1/acknowledgements", handler: acknowledgements.POST, body: bodies.acknowledge },
  { name: "mintUnsubscribeToken", method: "POST", path: "/api/v1/unsubscribe-tokens", handler: unsubscribeTokens.POST, body: bodies.mintUnsubscribeToken },
  { name: "listEvents", method: "GET", path: "/api/v1/events", handler: events.GET, query: ["type", "after", "limit"] },
  { name: "createImport", method: "POST", path: "/api/v1/imports", handler: imports.POST, form: importForm },
  { name: "getImport", method: "GET", path: "/api/v1/imports/{id}", handler: importStatus.GET, id: importId },
  { name: "listRefusedImportRows", method: "GET", path: "/api/v1/imports/{id}/refused", handler: importRefused.GET, id: importId },
  { name: "openapi", method: "GET", path: "/api/v1/openapi.json", handler: openapi.GET },
];

const callOf = (route: RouteCase) =>
  fc.record({
    id: route.id ?? personId,
    query: route.query ? queryOf(route.query) : fc.oneof({ arbitrary: fc.constant(""), weight: 3 }, queryOf(["cursor", "limit"])),
    authorization,
    idempotencyKey,
    contentType,
    extraHeaders,
    body: route.form ? fc.oneof({ arbitrary: route.form, weight: 8 }, bodyOf(fc.constant({}))) : route.body ? bodyOf(route.body) : fc.constant(undefined),
  });
type GeneratedCall = ReturnType<typeof callOf> extends fc.Arbitrary<infer C> ? C : never;

/** Sends the call to the route handler as Next.js would: the path's id arrives decoded in params. */
async function send(route: RouteCase, call: GeneratedCall) {
  const headers = new Headers(call.extraHeaders);
  const auth = call.authorization();
  if (auth !== null) headers.set("authorization", auth);
  if (call.idempotencyKey !== null) headers.set("idempotency-key", call.idempotencyKey);
  // A form's content type carries its boundary: the Request sets it.
  if (call.contentType !== null && !(call.body instanceof FormData)) headers.set("content-type", call.contentType);
  const id = String(call.id);
  const path = route.path.replace("{id}", encodeURIComponent(id));
  const request = new Request(`http://localhost${path}${call.query ? `?${call.query}` : ""}`, {
    method: route.method,
    headers,
    body: route.method === "GET" ? undefined : (call.body as BodyInit | undefined),
  });
  return route.handler(request, { params: Promise.resolve({ id }) } as never);
}

/** A well-formed Idempotency-Key on a write keeps its first answer (4xx included) for replay, by design. */
const storesIdempotencyRecord = (route: RouteCase, call: GeneratedCall) =>
  route.method !== "GET" && call.idempotencyKey !== null && /^[\x21-\x7e]{1,255}$/.test(call.idempotencyKey.trim());

/** What is wrong with the answer to one call, or null. */
async function problemWith(route: RouteCase, call: GeneratedCall, statuses: Map<number, number>): Promise<string | null> {
  const before = baseline ?? (await counts());
  const response = await send(route, call);
  const text = await response.text();
  const after = (baseline = await counts());
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  const seen = `${route.method} ${route.path} → ${response.status} ${text.slice(0, 300)}`;
  if (response.status >= 500) return `a 5xx: ${seen}`;
  if (response.status < 400) return null;
  if (response.headers.get("content-type") !== "application/problem+json") return `not problem+json: ${seen}`;
  const problem = JSON.parse(text) as { type?: unknown; title?: unknown; status?: unknown };
  if (typeof problem.type !== "string" || typeof problem.title !== "string" || problem.status !== response.status) return `not a problem body: ${seen}`;
  const expected = { ...before };
  // The first answer to a keyed write is kept for replay, problems included (see idempotency.ts).
  if (storesIdempotencyRecord(route, call) && after.IdempotencyRecord === before.IdempotencyRecord! + 1) expected.IdempotencyRecord = after.IdempotencyRecord!;
  const changed = Object.keys(after).filter((table) => after[table] !== expected[table]);
  return changed.length ? `a rejected call wrote rows (${changed.map((table) => `${table} ${before[table]}→${after[table]}`).join(", ")}): ${seen}` : null;
}
/** The counts after the last call: the next call's "before" (nothing else writes in between). */
let baseline: Record<string, number> | null = null;

describe("fuzzing the integration API", () => {
  it("fuzzes every route of the API", () => {
    const fuzzed = routes.filter((r) => r.name !== "openapi").map((r) => `${r.method} ${r.path}`).sort();
    expect(fuzzed).toEqual(Object.values(apiRoutes).map((r) => `${r.method} ${r.path}`).sort());
  });

  it.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    "%s: never a 5xx, problem+json for every 4xx, nothing written by a rejected call",
    async (_label, route) => {
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(callOf(route), async (call) => {
          expect(await problemWith(route, call, statuses)).toBeNull();
        }),
        { numRuns: API_RUNS_PER_ROUTE },
      );
      // Not only refusals: the generators reach accepted calls too.
      const accepted = [...statuses].filter(([status]) => status < 300).reduce((sum, [, n]) => sum + n, 0);
      expect(accepted, JSON.stringify(Object.fromEntries(statuses))).toBeGreaterThan(0);
    },
    120_000,
  );
});
