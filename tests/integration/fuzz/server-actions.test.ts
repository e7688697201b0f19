// Property-based fuzzing of every server action (fast-check), run as Next.js would run them for
// a signed-in user: the real guards and domain, with only the framework pieces stood in (the
// session auth() answers, next-auth's signIn/signOut, request headers and cookies, cache
// revalidation, translations).
// Each action is called with generated arguments (plausible values with wrong, missing, huge,
// unicode and NUL ones mixed in; FormData; any JavaScript value) by a signed-out visitor, the
// CUSTOMER and staff of every role. Per call: the action returns a value or throws only a Next.js
// control-flow signal (redirect, notFound, forbidden, unauthorized); it logs no unexpected
// error (an action's "failed" answer for an exception it did not expect is its 500); and when it
// answers a failure or refuses the caller, the row count of every table is as it was.
//
// Generated calls: 57 actions × ACTION_RUNS (100) = 5,700 in this file (the API file makes 6,000
// more: 11,700 in all). The first test checks that the cases are exactly the exported actions. The seed is fast-check's random one; a failure prints it with the shrunk
// counterexample.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/db/generated/enums";
import { testSession } from "../../support/next-request";
import { rowCounter } from "../../support/row-counter";

const jar = vi.hoisted(() => ({ sessionToken: null as string | null }));

// next-auth itself does not load outside Next.js (it imports "next/server"): its session answer
// is stood in, and so are its signIn (answers the check-email page, as for a sent link) and
// signOut (redirects to sign-in). Everything an action does before or after them is real.
vi.mock("@/lib/auth/auth", async () => {
  const { testSession: session } = await import("../../support/next-request");
  const { redirect } = await import("next/navigation");
  return {
    auth: async () => (session.current ? { user: session.current, expires: new Date(Date.now() + 3600_000).toISOString() } : null),
    signIn: async () => "http://localhost:3000/signin/check-email?provider=nodemailer&type=email",
    signOut: async ({ redirectTo }: { redirectTo: string }) => redirect(redirectTo),
  };
});
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "authjs.session-token" && jar.sessionToken ? { name, value: jar.sessionToken } : undefined),
    getAll: () => (jar.sessionToken ? [{ name: "authjs.session-token", value: jar.sessionToken }] : []),
    has: (name: string) => name === "authjs.session-token" && jar.sessionToken !== null,
    set: () => {},
    delete: () => {},
  }),
  headers: async () => new Headers({ "user-agent": "vitest", "x-omadata-client-ip": "192.0.2.1" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next-intl/server", async () => {
  const { fakeTranslator: translator, fakeFormatter: formatter } = await import("../../support/next-request");
  return { getTranslations: async () => translator(), getFormatter: async () => formatter, getLocale: async () => "en" };
});

const { confirmEmailChangeAction } = await import("@/app/(auth)/confirm-email/actions");
const { confirmDataRequestAction } = await import("@/app/(auth)/confirm-request/actions");
const { confirmConsentAction } = await import("@/app/(auth)/consents/confirm/actions");
const { verifyReceiptAction } = await import("@/app/(auth)/receipts/verify/actions");
const { requestSignInLinkAction, staffSignInAction } = await import("@/app/(auth)/signin/actions");
const signInPasskeys = await import("@/app/(auth)/signin/passkey-actions");
const portalConsents = await import("@/app/(portal)/consents/actions");
const portalData = await import("@/app/(portal)/data/actions");
const { correctProfileAction } = await import("@/app/(portal)/profile/edit/actions");
const portalEmail = await import("@/app/(portal)/profile/email/actions");
const { reportOrganisationAction } = await import("@/app/(portal)/profile/report/[organizationId]/actions");
const portalRequests = await import("@/app/(portal)/requests/actions");
const portalSessions = await import("@/app/(portal)/sessions/actions");
const portalPasskeys = await import("@/app/(portal)/sessions/passkey-actions");
const duplicates = await import("@/app/admin/duplicates/actions");
const imports = await import("@/app/admin/import/actions");
const persons = await import("@/app/admin/persons/[id]/actions");
const personSearch = await import("@/app/admin/persons/actions");
const purposes = await import("@/app/admin/purposes/actions");
const requests = await import("@/app/admin/requests/actions");
const queue = await import("@/app/admin/queue/actions");
const staff = await import("@/app/admin/staff/actions");
const systems = await import("@/app/admin/systems/actions");
const tasks = await import("@/app/admin/tasks/actions");
const { setLocaleAction } = await import("@/app/locale-actions");
const { signOutAction } = await import("@/app/sign-out-action");
const { log } = await import("@/lib/log");
const { createApiKey } = await import("@/lib/api-keys/create-api-key");
const { createPurpose } = await import("@/lib/consents/create-purpose");
const { retirePurpose } = await import("@/lib/consents/retire-purpose");
const { getReceiptSigningJwks } = await import("@/lib/consents/get-receipt-signing-jwks");
const { storeImportFile } = await import("@/lib/import/store-import-file");
const { startImportJob } = await import("@/lib/import/start-import-job");
const { sendTestEvent } = await import("@/lib/propagation/send-test-event");
const { requestDataExport } = await import("@/lib/requests/request-data-export");
const { requestErasure } = await import("@/lib/requests/request-erasure");
const { requestObjection } = await import("@/lib/requests/request-objection");
const { requestRectification } = await import("@/lib/requests/request-rectification");
const { requestRestriction } = await import("@/lib/requests/request-restriction");
const { createPerson, uniqueEmail } = await import("../../factories/persons");
const { adminActor, createPublishedPurpose, purposeTexts, uniquePurposeKey } = await import("../../factories/purposes");
const { createFullPerson } = await import("../../factories/requests");
const { createStaff } = await import("../../factories/staff");
const { createSystem, systemAdmin } = await import("../../factories/systems");
const { setupTestDatabase } = await import("../../support/test-database");

const ACTION_RUNS = 100;
const root = path.resolve(import.meta.dirname, "../../..");

type Db = Awaited<ReturnType<typeof setupTestDatabase>>;
type Who = "signedOut" | Role;
let t: Db;
let counts: () => Promise<Record<string, number>>;
const users = {} as Record<Role, { id: string; email: string; personId: string | null }>;
const pool = {
  personIds: [] as string[],
  emails: [] as string[],
  purposeKeys: [] as string[],
  requestIds: [] as string[],
  customerRequestIds: [] as string[],
  sessionIds: [] as string[],
  organizationIds: [] as string[],
  staffIds: [] as string[],
  systemIds: [] as string[],
  keyIds: [] as string[],
  deliveryIds: [] as string[],
  fileIds: [] as string[],
  taskIds: [] as string[],
  jobIds: [] as string[],
  deadJobIds: [] as string[],
};
let customerSession = { id: "", token: "" };


/** The customer's live session: recreated when an action ended it, so later calls stay recently signed in. */
async function ensureCustomerSession() {
  const prisma = t.database.prisma;
  if (await prisma.session.findUnique({ where: { id: customerSession.id }, select: { id: true } })) return;
  const token = `fuzz-${crypto.randomUUID()}`;
  const row = await prisma.session.create({ data: { sessionToken: token, userId: users.CUSTOMER.id, expires: new Date(Date.now() + 86_400_000) } });
  customerSession = { id: row.id, token };
  pool.sessionIds.push(row.id);
}

beforeAll(async () => {
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  t = await setupTestDatabase();
  const prisma = t.database.prisma;
  const open = await createPublishedPurpose();
  const doubleOptIn = await createPublishedPurpose({ requiresDoubleOptIn: true });
  const sale = await createPublishedPurpose({ isSaleOrSharing: true, channel: "NONE" });
  const legitimate = await createPublishedPurpose({ legalBasis: "LEGITIMATE_INTEREST", channel: "POST" });
  const retired = await createPublishedPurpose();
  await retirePurpose({ actor: adminActor, input: { purposeKey: retired } });
  const draft = uniquePurposeKey("draft");
  await createPurpose({ actor: adminActor, input: { key: draft, channel: "EMAIL", legalBasis: "CONSENT", texts: purposeTexts(draft) } });
  pool.purposeKeys.push(open, doubleOptIn, sale, legitimate, retired, draft);

  // The customer: a person with a user, a live session, an organisation, consents and history.
  const customer = await createFullPerson(prisma, open, "customer");
  users.CUSTOMER = { id: customer.user.id, email: customer.email, personId: customer.person.id };
  customerSession = { id: customer.session.id, token: customer.session.sessionToken };
  const otherSession = await prisma.session.create({ data: { sessionToken: `other-${customer.tag}`, userId: customer.user.id, expires: new Date(Date.now() + 86_400_000) } });
  pool.sessionIds.push(customer.session.id, otherSession.id);
  pool.organizationIds.push(customer.org.id);
  for (const role of ["SUPPORT", "PRIVACY_OFFICER", "ADMIN"] as const) {
    const { user } = await createStaff(prisma, role);
    users[role] = { id: user.id, email: user.email, personId: null };
  }
  for (const role of ["SUPPORT", "PRIVACY_OFFICER", "ADMIN"] as const) pool.staffIds.push((await createStaff(prisma, role)).user.id);

  // Persons the back-office works on (never the customer: a merge or erasure of the signed-in
  // person would leave the stood-in session pointing at nobody).
  for (const label of ["a", "b", "c", "d", "e"]) {
    const p = await createFullPerson(prisma, open, `office-${label}`);
    pool.personIds.push(p.person.id);
    pool.emails.push(p.email);
    pool.organizationIds.push(p.org.id);
    pool.sessionIds.push(p.session.id);
    const input = { description: `Request of ${label}, please` };
    pool.requestIds.push((await requestRectification({ actor: p.actor, personId: p.person.id, input })).id);
    if (label === "a") pool.requestIds.push((await requestDataExport({ actor: p.actor, personId: p.person.id })).requestId);
    if (label === "b") pool.requestIds.push((await requestRestriction({ actor: p.actor, personId: p.person.id, input })).id);
    if (label === "c") pool.requestIds.push((await requestObjection({ actor: p.actor, personId: p.person.id, input: { purposeKeys: [legitimate] } })).id);
    if (label === "d") pool.requestIds.push((await requestErasure({ actor: p.actor, personId: p.person.id, signedInAt: new Date() })).id);
  }
  pool.personIds.push((await createPerson(prisma)).id, (await createPerson(prisma, { email: null })).id);

  const system = await createSystem({ webhookUrl: "https://93.184.216.34/hook", eventTypes: ["person.updated", "consent.updated"] });
  pool.systemIds.push(system.id, (await createSystem()).id);
  pool.keyIds.push((await createApiKey({ actor: systemAdmin, systemId: system.id, input: { name: "fuzz", scopes: ["events:read"] } })).id);
  // A manual system's open task, for marking done.
  const manual = await createSystem({ manual: true, ownerEmail: "owner@example.test", manualInstructions: "Delete by hand." });
  const taskRequest = await prisma.dataRequest.findUniqueOrThrow({ where: { id: pool.requestIds[0]! }, select: { id: true, personId: true } });
  pool.taskIds.push((await prisma.manualTask.create({ data: { systemId: manual.id, dataRequestId: taskRequest.id, personId: taskRequest.personId, kind: "RECTIFICATION", externalIds: ["ERP-1"] } })).id);
  await sendTestEvent({ actor: systemAdmin, systemId: system.id });
  const delivery = await prisma.delivery.findFirstOrThrow({ where: { systemId: system.id }, select: { id: true } });
  // An exhausted delivery, for the replays.
  const event = await prisma.outboxEvent.findFirstOrThrow({ where: { type: "person.updated" }, select: { id: true, personId: true } });
  await prisma.delivery.create({ data: { eventId: event.id, systemId: system.id, personId: event.personId, eventType: "person.updated", webhookId: `msg_${crypto.randomUUID()}`, status: "FAILED", attempts: 8 } });
  pool.deliveryIds.push(delivery.id, ...(await prisma.delivery.findMany({ where: { status: "FAILED" }, select: { id: true } })).map((d) => d.id));

  const file = await storeImportFile({ actor: systemAdmin, fileName: "fuzz.csv", body: [Buffer.from("email;nimi\nx@example.test;X\n")] });
  pool.fileIds.push(file.fileId);
  pool.jobIds.push((await startImportJob({ actor: systemAdmin, input: { fileId: file.fileId, dryRun: true, system: "crm", mapping: { fields: { email: "email" } } } })).jobId);
  // A dead queue job, for the replays.
  pool.deadJobIds.push((await prisma.job.create({ data: { kind: "digest.officers", key: "digest.officers", payload: {}, status: "DEAD", attempts: 3, maxAttempts: 3, runAt: new Date(), finishedAt: new Date(), lastError: "fuzz" }, select: { id: true } })).id);

  // The receipt signing key is made once, on first use, by design (get-receipt-signing-jwks.ts):
  // made here, so verifying a receipt is a pure read in the fuzzing.
  await getReceiptSigningJwks();
  counts = await rowCounter(t.database);
}, 120_000);
afterAll(async () => {
  testSession.current = null;
  jar.sessionToken = null;
  await t?.drop();
});

// ---- values ----------------------------------------------------------------------------------

const nul = fc.string({ maxLength: 10 }).map((s) => `${s}\u0000${s}`);
const huge = fc.constantFrom("x".repeat(70_000), "ä".repeat(3_000), "😀".repeat(600));
const formData = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom("email", "id", "requestId", "purposeKey", "$ACTION_ID_x", "confirmed"), fc.string({ maxLength: 10 })), fc.oneof(fc.string(), nul)), { maxLength: 5 })
  .map((entries) => {
    const data = new FormData();
    for (const [name, value] of entries) data.append(name, value);
    return data;
  });
/** Any value a client could send an action: React serialises far more than JSON. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  nul,
  huge,
  fc.constantFrom("", " ", "null", "0", "__proto__", "constructor", "toString"),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.boolean(),
  fc.constantFrom(null, undefined, NaN, Infinity, -0),
  // Objects that JSON can carry but String() cannot convert.
  fc.constantFrom({ toString: 1 }, { toString: null, valueOf: null }, Object.create(null) as object),
  fc.date({ noInvalidDate: false }),
  formData,
  fc.array(fc.string(), { maxLength: 3 }),
  fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true }),
);
/** Mostly a value the action's schema accepts, else a wrong one of the same kind, else junk. */
const validOr = (valid: fc.Arbitrary<unknown>, ...wrong: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: valid, weight: 12 }, ...(wrong.length ? [{ arbitrary: fc.oneof(...wrong), weight: 2 }] : []), { arbitrary: junk, weight: 1 });
const MISSING = Symbol("missing");
/** An object shaped like the action's input: fields mostly plausible, some missing, sometimes extras. */
const shaped = (model: Record<string, fc.Arbitrary<unknown>>) =>
  fc
    .tuple(
      fc.record(Object.fromEntries(Object.entries(model).map(([key, value]) => [key, fc.option(value, { freq: 12, nil: MISSING })]))),
      fc.option(fc.dictionary(fc.string({ maxLength: 10 }), junk, { minKeys: 1, maxKeys: 2 }), { freq: 6 }),
    )
    .map(([record, extra]) => ({ ...(extra ?? {}), ...Object.fromEntries(Object.entries(record).filter(([, value]) => value !== MISSING)) }));
const text = (min: number, max: number) => fc.oneof(fc.string({ minLength: min, maxLength: Math.min(max, 60) }), fc.string({ unit: "grapheme", minLength: min, maxLength: Math.min(max, 30) }));
const tooLong = (max: number) => fc.string({ minLength: max + 1, maxLength: max + 20 });
const fromPool = (values: () => string[]) => fc.nat().map((n) => values()[n % values().length]!);
const idFrom = (values: () => string[]) => validOr(fromPool(values), fc.uuid(), fc.string({ maxLength: 70 }), nul, tooLong(64));
const email = validOr(fc.oneof(fromPool(() => pool.emails), fc.uuid().map((u) => uniqueEmail(u.slice(0, 8)))), fc.emailAddress(), fc.string(), nul, fc.constant(`${"a".repeat(64)}@${"b".repeat(250)}.test`));
const purposeKey = validOr(fromPool(() => pool.purposeKeys), fc.stringMatching(/^[a-z][a-z0-9-]{1,62}$/), fc.string(), nul);
const locale = validOr(fc.constantFrom("fi", "sv", "en"), fc.constantFrom("de", "", "FI"));
const description = validOr(text(5, 2000), text(0, 4), tooLong(2000), nul, huge);
const reason = validOr(text(5, 500), text(0, 4), tooLong(2000), nul);
const isoDate = (min: string, max: string) => fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const profile = shaped({
  givenName: validOr(text(0, 100), tooLong(100), nul),
  familyName: validOr(text(0, 100), tooLong(100), nul),
  phone: validOr(fc.constantFrom("+358401234567", "040 123 4567", "+46701234567", ""), fc.constantFrom("12345", "phone"), nul),
  streetAddress: validOr(text(0, 200), tooLong(200), nul),
  postalCode: validOr(fc.stringMatching(/^\d{5}$/), fc.string({ maxLength: 25 }), nul),
  city: validOr(text(0, 100), tooLong(100), nul),
  country: validOr(fc.constantFrom("FI", "SE", "fi", ""), fc.constantFrom("XX", "Finland")),
  preferredLanguage: locale,
  birthDate: validOr(isoDate("1910-01-01", "2020-01-01"), isoDate("0001-01-01", "9999-12-31"), fc.constantFrom("2026-02-30", "0000-01-01", "1990-1-1")),
});
const texts = shaped({ fi: shaped({ title: text(1, 120), description: text(1, 200) }), sv: shaped({ title: text(1, 120), description: text(1, 200) }), en: shaped({ title: text(1, 120), description: text(1, 200) }) });
const token = validOr(fc.base64String({ minLength: 20, maxLength: 60 }), fc.string({ maxLength: 300 }), nul, huge);

// ---- the actions -------------------------------------------------------------------------------

type Action = (...args: never[]) => Promise<unknown>;
interface ActionCase {
  name: string;
  action: Action;
  args: fc.Arbitrary<unknown[]>;
  /** Who calls it: the portal's customer, staff, or anyone (sign-in, links). */
  side: "portal" | "admin" | "public";
  /** A void action that refuses silently: is this call one of its refusals? */
  refused?: (args: unknown[]) => boolean;
}
const one = (value: fc.Arbitrary<unknown>) => value.map((v) => [v]);
const args = (...values: fc.Arbitrary<unknown>[]) => fc.tuple(...values);
const orJunk = (arbitrary: fc.Arbitrary<unknown[]>) => fc.oneof({ arbitrary, weight: 8 }, { arbitrary: fc.array(junk, { maxLength: 3 }), weight: 1 });
const requestId = idFrom(() => pool.requestIds);

const cases: ActionCase[] = [
  { name: "confirmEmailChangeAction", side: "public", action: confirmEmailChangeAction, args: one(token) },
  { name: "confirmDataRequestAction", side: "public", action: confirmDataRequestAction, args: one(token) },
  { name: "confirmConsentAction", side: "public", action: confirmConsentAction, args: one(token) },
  { name: "verifyReceiptAction", side: "public", action: verifyReceiptAction, args: one(validOr(fc.constantFrom("eyJhbGciOiJFUzI1NiJ9.e30.c2ln", '{"jws":"a.b.c"}'), fc.json(), fc.string(), huge)) },
  { name: "requestSignInLinkAction", side: "public", action: requestSignInLinkAction, args: one(shaped({ email, callbackUrl: validOr(fc.constantFrom("/", "/consents", "/data/delete"), fc.constantFrom("//evil.test", "https://evil.test", "/\\evil"), fc.string()) })) },
  { name: "setLocaleAction", side: "public", action: setLocaleAction, args: one(locale), refused: ([value]) => !["fi", "sv", "en"].includes(value as string) },
  { name: "signOutAction", side: "public", action: signOutAction, args: fc.array(junk, { maxLength: 1 }) },
  { name: "staffSignInAction", side: "public", action: staffSignInAction, args: one(shaped({ callbackUrl: validOr(fc.constantFrom("/admin", "/admin/requests"), fc.constantFrom("//evil.test", "https://evil.test"), fc.string()) })) },
  { name: "beginPasskeySignInAction", side: "public", action: signInPasskeys.beginPasskeySignInAction, args: fc.array(junk, { maxLength: 1 }) },
  { name: "finishPasskeySignInAction", side: "public", action: signInPasskeys.finishPasskeySignInAction, args: one(fc.oneof(junk, shaped({ id: fc.string(), rawId: fc.string(), type: fc.constantFrom("public-key"), response: shaped({ clientDataJSON: fc.string(), authenticatorData: fc.string(), signature: fc.string() }) }))) },

  { name: "grantConsentAction", side: "portal", action: portalConsents.grantConsentAction, args: args(purposeKey, validOr(fc.integer({ min: 1, max: 3 }), fc.integer(), fc.double())) },
  { name: "withdrawConsentAction", side: "portal", action: portalConsents.withdrawConsentAction, args: one(purposeKey) },
  { name: "withdrawAllMarketingAction", side: "portal", action: portalConsents.withdrawAllMarketingAction, args: fc.array(junk, { maxLength: 1 }) },
  { name: "requestDataExportAction", side: "portal", action: portalData.requestDataExportAction, args: fc.array(junk, { maxLength: 1 }) },
  { name: "requestErasureAction", side: "portal", action: portalData.requestErasureAction, args: one(shaped({ confirmed: validOr(fc.constant(true), fc.constantFrom(false, "true", 1)) })) },
  { name: "cancelErasureAction", side: "portal", action: portalData.cancelErasureAction, args: one(idFrom(() => [...pool.customerRequestIds, ...pool.requestIds])) },
  { name: "requestErasureReauthAction", side: "portal", action: portalData.requestErasureReauthAction, args: fc.array(junk, { maxLength: 1 }) },
  { name: "correctProfileAction", side: "portal", action: correctProfileAction, args: one(profile) },
  { name: "requestEmailChangeAction", side: "portal", action: portalEmail.requestEmailChangeAction, args: one(shaped({ newEmail: email })) },
  { name: "requestReauthLinkAction", side: "portal", action: portalEmail.requestReauthLinkAction, args: fc.array(junk, { maxLength: 1 }) },
  { name: "reportOrganisationAction", side: "portal", action: reportOrganisationAction, args: one(shaped({ organizationId: idFrom(() => pool.organizationIds), description })) },
  { name: "requestRectificationAction", side: "portal", action: portalRequests.requestRectificationAction, args: one(shaped({ description, organizationId: idFrom(() => pool.organizationIds) })) },
  { name: "requestRestrictionAction", side: "portal", action: portalRequests.requestRestrictionAction, args: one(shaped({ description })) },
  { name: "requestObjectionAction", side: "portal", action: portalRequests.requestObjectionAction, args: one(shaped({ purposeKeys: validOr(fc.array(purposeKey, { minLength: 1, maxLength: 4 }), fc.constant([]), fc.array(fc.string(), { maxLength: 60 })), description })) },
  { name: "cancelRequestAction", side: "portal", action: portalRequests.cancelRequestAction, args: one(idFrom(() => [...pool.customerRequestIds, ...pool.requestIds])) },
  { name: "endSessionAction", side: "portal", action: portalSessions.endSessionAction, args: one(idFrom(() => pool.sessionIds)) },
  { name: "endOtherSessionsAction", side: "portal", action: portalSessions.endOtherSessionsAction, args: fc.array(junk, { maxLength: 1 }) },
  { name: "beginPasskeyRegistrationAction", side: "portal", action: portalPasskeys.beginPasskeyRegistrationAction, args: fc.array(junk, { maxLength: 1 }) },
  { name: "finishPasskeyRegistrationAction", side: "portal", action: portalPasskeys.finishPasskeyRegistrationAction, args: one(shaped({ name: validOr(text(1, 60), tooLong(200), nul), response: fc.oneof(junk, shaped({ id: fc.string(), rawId: fc.string(), type: fc.constantFrom("public-key") })) })) },
  { name: "removePasskeyAction", side: "portal", action: portalPasskeys.removePasskeyAction, args: one(validOr(fc.uuid(), fc.string())) },
  { name: "requestPasskeyReauthLinkAction", side: "portal", action: portalPasskeys.requestPasskeyReauthLinkAction, args: fc.array(junk, { maxLength: 1 }) },

  { name: "compareDuplicatesAction", side: "admin", action: duplicates.compareDuplicatesAction, args: one(validOr(fc.tuple(idFrom(() => pool.personIds), idFrom(() => pool.personIds)), fc.array(idFrom(() => pool.personIds), { maxLength: 4 }))) },
  { name: "mergePersonsAction", side: "admin", action: duplicates.mergePersonsAction, args: one(shaped({ survivorId: idFrom(() => pool.personIds), mergedId: idFrom(() => pool.personIds), fields: validOr(fc.dictionary(fc.constantFrom("email", "givenName", "phone", "city"), fc.constantFrom("survivor", "merged")), fc.dictionary(fc.string(), fc.string())) })) },
  { name: "startImportAction", side: "admin", action: imports.startImportAction, args: one(shaped({ fileId: idFrom(() => pool.fileIds), dryRun: validOr(fc.boolean()), system: validOr(fc.constantFrom("crm", "shop"), fc.string()), mapping: shaped({ fields: shaped({ email: validOr(fc.constantFrom("email", "nimi"), fc.string()) }), consents: validOr(fc.dictionary(fc.oneof(fromPool(() => pool.purposeKeys), fc.string()), fc.constantFrom("nimi"))) }) })) },
  { name: "cancelImportAction", side: "admin", action: imports.cancelImportAction, args: one(idFrom(() => pool.jobIds)) },
  { name: "loadMappingPresetAction", side: "admin", action: imports.loadMappingPresetAction, args: args(idFrom(() => pool.fileIds), validOr(fc.constantFrom("crm", "shop"), fc.string())) },
  { name: "openPersonAction", side: "admin", action: persons.openPersonAction, args: args(idFrom(() => pool.personIds), shaped({ reasonCode: validOr(fc.constantFrom("support_call", "request_handling", "other"), fc.constantFrom("curiosity")), note: validOr(text(0, 200), tooLong(200), nul) })) },
  { name: "startSearchSessionAction", side: "admin", action: personSearch.startSearchSessionAction, args: one(shaped({ reasonCode: validOr(fc.constantFrom("support_call", "complaint", "other"), fc.constantFrom("curiosity", "data_correction")), note: validOr(text(0, 200), tooLong(200), nul) })) },
  { name: "correctPersonAction", side: "admin", action: persons.correctPersonAction, args: args(idFrom(() => pool.personIds), fc.tuple(profile, reason).map(([p, r]) => ({ ...p, reason: r }))) },
  { name: "createPurposeAction", side: "admin", action: purposes.createPurposeAction, args: one(shaped({ key: validOr(fc.uuid().map((u) => `fz-${u.slice(0, 8)}`), fc.string()), channel: validOr(fc.constantFrom("EMAIL", "SMS", "NONE"), fc.constant("FAX")), legalBasis: validOr(fc.constantFrom("CONSENT", "LEGITIMATE_INTEREST")), isSaleOrSharing: validOr(fc.boolean()), requiresDoubleOptIn: validOr(fc.boolean()), piiCategories: validOr(fc.constantFrom("email, name", ""), fc.string()), sortOrder: validOr(fc.integer({ min: 0, max: 10_000 }), fc.integer()), texts })) },
  { name: "saveDraftAction", side: "admin", action: purposes.saveDraftAction, args: one(shaped({ purposeKey, texts })) },
  { name: "publishVersionAction", side: "admin", action: purposes.publishVersionAction, args: one(shaped({ purposeKey, version: validOr(fc.integer({ min: 1, max: 4 }), fc.integer()), material: validOr(fc.boolean()) })) },
  { name: "retirePurposeAction", side: "admin", action: purposes.retirePurposeAction, args: one(purposeKey) },
  { name: "createRequestOnBehalfAction", side: "admin", action: requests.createRequestOnBehalfAction, args: one(shaped({ email, type: validOr(fc.constantFrom("ACCESS", "RECTIFICATION", "ERASURE", "RESTRICTION"), fc.constant("DELETE")), channel: validOr(fc.constantFrom("STAFF", "EMAIL", "POST"), fc.constant("PORTAL")), description: validOr(text(0, 2000), tooLong(2000), nul), receivedOn: validOr(isoDate("2020-01-01", "2026-01-01"), isoDate("0001-01-01", "9999-12-31"), fc.constantFrom("2026-02-30", "tomorrow")) })) },
  { name: "assignRequestAction", side: "admin", action: requests.assignRequestAction, args: one(shaped({ requestId, assigneeId: validOr(fc.oneof(fromPool(() => pool.staffIds), fc.constant(null), fc.constant("")), fc.uuid(), nul) })) },
  { name: "addRequestNoteAction", side: "admin", action: requests.addRequestNoteAction, args: one(shaped({ requestId, note: validOr(text(1, 2000), tooLong(2000), nul, huge) })) },
  { name: "approveRequestAction", side: "admin", action: requests.approveRequestAction, args: one(shaped({ requestId, note: validOr(text(0, 2000), nul) })) },
  { name: "denyRequestAction", side: "admin", action: requests.denyRequestAction, args: one(shaped({ requestId, reason, restrictInstead: validOr(fc.boolean()) })) },
  { name: "extendRequestAction", side: "admin", action: requests.extendRequestAction, args: one(shaped({ requestId, months: validOr(fc.constantFrom(1, 2, "1"), fc.integer()), reason })) },
  { name: "completeTaskAction", side: "admin", action: tasks.completeTaskAction, args: one(shaped({ taskId: idFrom(() => pool.taskIds), note: validOr(text(1, 2000), tooLong(2000), nul, huge) })) },
  { name: "fulfilRequestAction", side: "admin", action: requests.fulfilRequestAction, args: one(shaped({ requestId, note: validOr(text(0, 2000), nul) })) },
  { name: "liftRestrictionAction", side: "admin", action: requests.liftRestrictionAction, args: one(shaped({ requestId, reason })) },
  { name: "inviteStaffAction", side: "admin", action: staff.inviteStaffAction, args: one(shaped({ email, role: validOr(fc.constantFrom("SUPPORT", "PRIVACY_OFFICER", "ADMIN"), fc.constantFrom("CUSTOMER", "ROOT")) })) },
  { name: "changeStaffRoleAction", side: "admin", action: staff.changeStaffRoleAction, args: args(idFrom(() => pool.staffIds), validOr(fc.constantFrom("SUPPORT", "PRIVACY_OFFICER", "ADMIN"), fc.constantFrom("CUSTOMER", "ROOT"))) },
  { name: "removeStaffAction", side: "admin", action: staff.removeStaffAction, args: one(idFrom(() => pool.staffIds)) },
  { name: "createSystemAction", side: "admin", action: systems.createSystemAction, args: one(shaped({ key: validOr(fc.uuid().map((u) => `fz-${u.slice(0, 8)}`), fc.string()), name: validOr(text(1, 100), tooLong(100), nul), kind: validOr(fc.constantFrom("CRM", "WEB_SHOP", "OTHER"), fc.constant("ERP")), webhookUrl: validOr(fc.constantFrom("", "https://93.184.216.34/hook"), fc.constantFrom("http://127.0.0.1/x", "ftp://x", "not a url")), eventTypes: validOr(fc.subarray(["person.updated", "consent.updated"]), fc.array(fc.string(), { maxLength: 3 })), requiresErasureAck: validOr(fc.boolean()), manual: validOr(fc.boolean()), ownerEmail: validOr(fc.constantFrom("", "owner@example.test"), fc.string(), nul), manualInstructions: validOr(text(0, 4000), tooLong(4000), nul) })) },
  { name: "updateSystemAction", side: "admin", action: systems.updateSystemAction, args: args(idFrom(() => pool.systemIds), shaped({ name: validOr(text(1, 100), tooLong(100), nul), kind: validOr(fc.constantFrom("CRM", "WEB_SHOP")), webhookUrl: validOr(fc.constantFrom("", "https://93.184.216.34/hook"), fc.constantFrom("http://10.0.0.1/x", "x")), eventTypes: validOr(fc.subarray(["person.updated", "consent.updated"])), requiresErasureAck: validOr(fc.boolean()), active: validOr(fc.boolean()) })) },
  { name: "rotateSecretAction", side: "admin", action: systems.rotateSecretAction, args: one(idFrom(() => pool.systemIds)) },
  { name: "sendTestEventAction", side: "admin", action: systems.sendTestEventAction, args: one(idFrom(() => pool.systemIds)) },
  { name: "createApiKeyAction", side: "admin", action: systems.createApiKeyAction, args: args(idFrom(() => pool.systemIds), shaped({ name: validOr(text(1, 100), tooLong(100), nul), scopes: validOr(fc.subarray(["events:read", "persons:read"], { minLength: 1 }), fc.constant([]), fc.array(fc.string(), { maxLength: 2 })) })) },
  { name: "revokeApiKeyAction", side: "admin", action: systems.revokeApiKeyAction, args: args(idFrom(() => pool.systemIds), idFrom(() => pool.keyIds)) },
  { name: "replayDeliveryAction", side: "admin", action: systems.replayDeliveryAction, args: one(idFrom(() => pool.deliveryIds)) },
  { name: "replayFailedAction", side: "admin", action: systems.replayFailedAction, args: one(idFrom(() => pool.systemIds)) },
  { name: "replayDeadJobAction", side: "admin", action: queue.replayDeadJobAction, args: one(idFrom(() => pool.deadJobIds)) },
];

// ---- running a call ----------------------------------------------------------------------------

const callers = {
  portal: fc.oneof({ arbitrary: fc.constant<Who>("CUSTOMER"), weight: 10 }, fc.constantFrom<Who>("signedOut", "SUPPORT", "ADMIN")),
  admin: fc.oneof({ arbitrary: fc.constantFrom<Who>("SUPPORT", "PRIVACY_OFFICER", "ADMIN"), weight: 4 }, { arbitrary: fc.constantFrom<Who>("ADMIN"), weight: 6 }, fc.constantFrom<Who>("signedOut", "CUSTOMER")),
  public: fc.oneof({ arbitrary: fc.constantFrom<Who>("signedOut", "CUSTOMER"), weight: 4 }, fc.constantFrom<Who>("SUPPORT", "ADMIN")),
};

function signInAs(who: Who) {
  if (who === "signedOut") {
    testSession.current = null;
    jar.sessionToken = null;
    return;
  }
  testSession.current = { ...users[who], role: who };
  jar.sessionToken = who === "CUSTOMER" ? customerSession.token : null;
}

/** How a call ended: answered, refused by its guard, or an exception that is not Next's control flow. */
type Ending = { kind: "answered"; value: unknown } | { kind: "signal"; digest: string } | { kind: "threw"; error: unknown };

async function invoke(action: Action, values: unknown[]): Promise<Ending> {
  try {
    return { kind: "answered", value: await action(...(values as never[])) };
  } catch (error) {
    const digest = String((error as { digest?: unknown })?.digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK")) return { kind: "signal", digest };
    return { kind: "threw", error };
  }
}

/** A failure answer: ActionResult's { ok: false }, the sign-in form's { error }, a receipt that is not valid. */
const isFailure = (value: unknown) =>
  !!value && typeof value === "object" && (("ok" in value && value.ok === false) || ("error" in value && !!value.error) || ("valid" in value && value.valid === false));

/** The guard refused the caller: forbidden/notFound, or sent a signed-out visitor to sign in. */
const isRefusal = (ending: Ending, who: Who) =>
  ending.kind === "signal" && (ending.digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || (who === "signedOut" && /;\/signin[;?]/.test(ending.digest)));

const show = (value: unknown) => {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${v}n` : v instanceof FormData ? [...v.entries()] : v))?.slice(0, 400);
  } catch {
    return String(value).slice(0, 400);
  }
};

let baseline: Record<string, number> | null = null;
const errors: unknown[][] = [];
const errorSpy = vi.spyOn(log, "error").mockImplementation((...logged: unknown[]) => void errors.push(logged));

/** What is wrong with one call, or null. */
async function problemWith(entry: ActionCase, who: Who, values: unknown[], tally: Map<string, number>): Promise<string | null> {
  signInAs(who);
  const before = baseline ?? (await counts());
  errors.length = 0;
  const ending = await invoke(entry.action, values);
  const after = (baseline = await counts());
  const refused = isRefusal(ending, who);
  const failed = ending.kind === "answered" && (isFailure(ending.value) || (entry.refused?.(values) ?? false));
  const label = ending.kind === "threw" ? "threw" : refused ? "refused" : failed ? "failed" : "accepted";
  tally.set(label, (tally.get(label) ?? 0) + 1);
  const seen = `${entry.name} as ${who} (${show(values)}) → ${ending.kind === "answered" ? show(ending.value) : ending.kind === "signal" ? ending.digest : String(ending.error).slice(0, 400)}`;
  if (["endSessionAction", "endOtherSessionsAction", "signOutAction"].includes(entry.name)) {
    await ensureCustomerSession();
    baseline = await counts();
  }
  if (label === "accepted" && ["requestErasureAction", "requestDataExportAction", "requestRectificationAction", "requestRestrictionAction", "requestObjectionAction"].includes(entry.name)) {
    pool.customerRequestIds = (await t.database.prisma.dataRequest.findMany({ where: { personId: users.CUSTOMER.personId! }, select: { id: true } })).map((r) => r.id);
  }
  if (ending.kind === "threw") return `threw: ${seen}`;
  if (errors.length) return `logged an unexpected error ${show(errors[0])}: ${seen}`;
  if (!refused && !failed) return null;
  const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
  return changed.length ? `a ${label} call wrote rows (${changed.map((table) => `${table} ${before[table]}→${after[table]}`).join(", ")}): ${seen}` : null;
}

describe("fuzzing the server actions", () => {
  it("fuzzes every server action", async () => {
    const exported: string[] = [];
    for (const file of (await readdir(path.join(root, "app"), { recursive: true })).filter((name) => /\.tsx?$/.test(name))) {
      const source = await readFile(path.join(root, "app", file), "utf8");
      if (/^["']use server["'];/m.test(source)) exported.push(...[...source.matchAll(/^export (?:async function|const) (\w+)/gm)].map((m) => m[1]!));
    }
    expect(cases.map((c) => c.name).sort()).toEqual(exported.sort());
    expect(new Set(cases.map((c) => c.action)).size).toBe(cases.length);
  });

  it.each(cases.map((entry) => [entry.name, entry] as const))(
    "%s: answers or refuses, never an unexpected error, nothing written by a failed or refused call",
    async (_name, entry) => {
      const tally = new Map<string, number>();
      const call = fc.tuple(callers[entry.side], orJunk(entry.args));
      await fc.assert(
        fc.asyncProperty(call, async ([who, values]) => {
          expect(await problemWith(entry, who, values, tally)).toBeNull();
        }),
        { numRuns: ACTION_RUNS },
      );
      // The generators get past the guard: some calls reach the domain and are answered.
      expect((tally.get("accepted") ?? 0) + (tally.get("failed") ?? 0), JSON.stringify(Object.fromEntries(tally))).toBeGreaterThan(0);
    },
    120_000,
  );

  afterAll(() => errorSpy.mockRestore());
});
