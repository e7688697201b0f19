// GDPR Art. 17: an erased person stays erased. Every write function about a person is called on an
// erased one and refused with nothing written in any table (no audit entry, no outbox event); a
// scan of lib/ makes sure a new write path cannot skip this table. The erased person here keeps
// every row erasure would delete (tokens, states, ids): the guard must read erasedAt itself.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { applyGlobalPrivacyControl } from "@/lib/consents/apply-global-privacy-control";
import { confirmConsent } from "@/lib/consents/confirm-consent";
import { grantConsent } from "@/lib/consents/grant-consent";
import { hashConfirmationToken } from "@/lib/consents/hash-confirmation-token";
import { mintUnsubscribeToken } from "@/lib/consents/mint-unsubscribe-token";
import { unsubscribeWithToken } from "@/lib/consents/unsubscribe-with-token";
import { withdrawAllMarketing } from "@/lib/consents/withdraw-all-marketing";
import { withdrawConsent } from "@/lib/consents/withdraw-consent";
import { mergePersons } from "@/lib/identity/merge-persons";
import { correctPersonFromSystem } from "@/lib/integration/correct-person-from-system";
import { recordExternalConsent } from "@/lib/integration/record-external-consent";
import { confirmEmailChange } from "@/lib/persons/confirm-email-change";
import { correctPerson } from "@/lib/persons/correct-person";
import { correctPersonAsStaff } from "@/lib/persons/correct-person-as-staff";
import { linkExternalIdentity } from "@/lib/persons/link-external-identity";
import { recordInteraction } from "@/lib/persons/record-interaction";
import { recordPersonView } from "@/lib/persons/record-person-view";
import { requestEmailChange } from "@/lib/persons/request-email-change";
import { setPreferredLanguage } from "@/lib/persons/set-preferred-language";
import { createRequestOnBehalf } from "@/lib/requests/create-request-on-behalf";
import { openRectificationRequest } from "@/lib/requests/open-rectification-request";
import { requestDataExport } from "@/lib/requests/request-data-export";
import { requestErasure } from "@/lib/requests/request-erasure";
import { requestObjection } from "@/lib/requests/request-objection";
import { requestRectification } from "@/lib/requests/request-rectification";
import { requestRestriction } from "@/lib/requests/request-restriction";
import { createPublishedPurpose } from "../../factories/purposes";
import { createFullPerson, officerActor } from "../../factories/requests";
import { staffActor } from "../../factories/staff";
import { createSystem } from "../../factories/systems";
import { rowCounter } from "../../support/row-counter";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let counts: () => Promise<Record<string, number>>;
let erased: Awaited<ReturnType<typeof createFullPerson>>;
let live: Awaited<ReturnType<typeof createFullPerson>>;
let system: Awaited<ReturnType<typeof createSystem>>;
let purposeKey: string;
let saleKey: string;
let interestKey: string;
const tokens = { unsubscribe: "", emailChange: "", confirmation: randomBytes(32).toString("base64url") };

beforeAll(async () => {
  t = await setupTestDatabase();
  const prisma = t.database.prisma;
  purposeKey = await createPublishedPurpose();
  saleKey = await createPublishedPurpose({ isSaleOrSharing: true });
  interestKey = await createPublishedPurpose({ legalBasis: "LEGITIMATE_INTEREST" });
  const optInKey = await createPublishedPurpose({ requiresDoubleOptIn: true });
  system = await createSystem();
  erased = await createFullPerson(prisma, purposeKey, "erased");
  live = await createFullPerson(prisma, purposeKey, "live");
  await grantConsent({ actor: erased.actor, personId: erased.person.id, input: { purposeKey: saleKey } });
  await grantConsent({ actor: erased.actor, personId: erased.person.id, input: { purposeKey: optInKey } });
  await prisma.consentConfirmation.updateMany({ where: { personId: erased.person.id }, data: { tokenHash: hashConfirmationToken(tokens.confirmation) } });
  tokens.unsubscribe = await mintUnsubscribeToken({ personId: erased.person.id, purposeKey, expiresAt: new Date(Date.now() + 86_400_000) });
  tokens.emailChange = (await requestEmailChange({ actor: erased.actor, personId: erased.person.id, input: { newEmail: `new-${erased.tag}@example.test` } })).token!;
  await prisma.person.update({ where: { id: erased.person.id }, data: { erasedAt: new Date() } });
  // Staff write only to a record they opened with a reason: opened, so the erasure is what refuses.
  await recordPersonView({ actor: support, personId: erased.person.id, input: { reasonCode: "data_correction" } });
  counts = await rowCounter(t.database);
});
afterAll(async () => t.drop());

const support: Actor = staffActor("SUPPORT");
const systemActor: Actor = { kind: "SYSTEM", id: "crm" };
const evidence = { collectedAt: new Date(Date.now() - 60_000).toISOString(), method: "web_form" as const };

/** Every write function about a person, by the file that holds it. */
const writes: Record<string, () => Promise<unknown>> = {
  "lib/persons/correct-person.ts": () => correctPerson({ actor: erased.actor, personId: erased.person.id, input: { city: "Oulu" }, source: "PERSON" }),
  "lib/persons/correct-person-as-staff.ts": () => correctPersonAsStaff({ actor: support, personId: erased.person.id, input: { city: "Oulu" }, reason: "Called and asked" }),
  "lib/integration/correct-person-from-system.ts": () =>
    correctPersonFromSystem({ actor: systemActor, systemKey: system.key, personId: erased.person.id, observedAt: new Date(), changes: { city: "Oulu" } }),
  "lib/persons/link-external-identity.ts": () => linkExternalIdentity({ actor: systemActor, personId: erased.person.id, system: system.key, externalId: `X-${erased.tag}` }),
  "lib/persons/record-interaction.ts": () =>
    recordInteraction({ actor: systemActor, personId: erased.person.id, system: system.key, input: { externalId: `I-${erased.tag}`, kind: "PURCHASE", occurredAt: new Date().toISOString(), summary: "Order" } }),
  "lib/persons/set-preferred-language.ts": () => setPreferredLanguage({ actor: erased.actor, personId: erased.person.id, locale: "sv" }),
  "lib/persons/request-email-change.ts": () => requestEmailChange({ actor: erased.actor, personId: erased.person.id, input: { newEmail: `other-${erased.tag}@example.test` } }),
  "lib/persons/confirm-email-change.ts": () => confirmEmailChange({ token: tokens.emailChange }),
  "lib/consents/grant-consent.ts": () => grantConsent({ actor: erased.actor, personId: erased.person.id, input: { purposeKey: saleKey } }),
  "lib/consents/withdraw-consent.ts": () => withdrawConsent({ actor: erased.actor, personId: erased.person.id, input: { purposeKey } }),
  "lib/consents/withdraw-all-marketing.ts": () => withdrawAllMarketing({ actor: erased.actor, personId: erased.person.id }),
  "lib/consents/apply-global-privacy-control.ts": () => applyGlobalPrivacyControl({ actor: erased.actor, personId: erased.person.id }),
  "lib/consents/unsubscribe-with-token.ts": () => unsubscribeWithToken(tokens.unsubscribe),
  "lib/consents/confirm-consent.ts": () => confirmConsent({ token: tokens.confirmation }),
  "lib/integration/record-external-consent.ts": () =>
    recordExternalConsent({ actor: systemActor, system, input: { person: { id: erased.person.id }, purposeKey, status: "WITHDRAWN", evidence } }),
  "lib/requests/request-data-export.ts": () => requestDataExport({ actor: erased.actor, personId: erased.person.id }),
  "lib/requests/request-erasure.ts": () => requestErasure({ actor: erased.actor, personId: erased.person.id, signedInAt: new Date() }),
  "lib/requests/request-objection.ts": () => requestObjection({ actor: erased.actor, personId: erased.person.id, input: { purposeKeys: [interestKey] } }),
  "lib/requests/request-rectification.ts": () => requestRectification({ actor: erased.actor, personId: erased.person.id, input: { description: "My name is wrong" } }),
  "lib/requests/request-restriction.ts": () => requestRestriction({ actor: erased.actor, personId: erased.person.id, input: { description: "Stop processing" } }),
  "lib/requests/open-rectification-request.ts": () =>
    openRectificationRequest({ actor: erased.actor, personId: erased.person.id, input: { organizationId: erased.org.id, description: "Wrong address" } }),
  "lib/requests/create-request-on-behalf.ts": () => createRequestOnBehalf({ actor: officerActor("officer"), input: { email: erased.email, type: "ACCESS", channel: "STAFF" } }),
  "lib/identity/merge-persons.ts": () => mergePersons({ actor: staffActor("ADMIN"), input: { survivorId: live.person.id, mergedId: erased.person.id } }),
};

/**
 * Files that call runChange in a function taking a person id but do not write about that person:
 * each says why erasure does not concern it.
 */
const notPersonWrites: Record<string, string> = {
  "lib/persons/record-person-view.ts": "audits a staff member reading the record; reading an erased record's skeleton stays possible",
  "lib/sessions/end-sessions.ts": "ends sign-in sessions: taking access away is what erasure wants",
  "lib/passkeys/remove-passkey.ts": "removes a sign-in passkey: taking access away is what erasure wants (it deletes them all)",
  "lib/requests/cancel-data-request.ts": "cancels the person's own open request: it stops processing, and erasure closes them anyway",
  "lib/requests/get-data-export-download.ts": "audits a download of an export the person already has",
  "lib/requests/export-build-job.ts": "records a failed try of the person's own export build; it writes nothing about the person, and an erased person's export is gone, so the job finds nothing to build",
};

describe("an erased person is refused by every write path", () => {
  it.each(Object.keys(writes))("%s refuses and writes nothing", async (file) => {
    const before = await counts();
    const error = await writes[file]!().then(() => null, (e: unknown) => e);
    // The shared guard's refusal everywhere: GONE (the API's 410), "personErased" for the pages.
    expect(error, `${file} did not refuse`).toMatchObject({ name: "AppError", code: "GONE" });
    expect(await counts()).toEqual(before);
  });

  it("leaves the erased person as they were", async () => {
    const person = await t.database.prisma.person.findUniqueOrThrow({ where: { id: erased.person.id } });
    expect(person).toMatchObject({ city: erased.person.city, preferredLanguage: "en", email: erased.email });
  });
});

describe("a new write path cannot forget the guard", () => {
  const libRoot = path.resolve(import.meta.dirname, "../../../lib");
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "generated" ? [] : files(full);
      return entry.name.endsWith(".ts") ? [full] : [];
    });
  // An exported function whose parameters (up to the body's opening brace) name a person id.
  const takesPersonId = /export\s+(?:async\s+)?function\s+\w+\s*(?:<[^>]*>)?\(([\s\S]*?)\)\s*(?::[^{]*)?\{\s*\n/g;

  it("every lib file that runs a change for a person id is in the table or says why not", () => {
    const found = files(libRoot)
      .map((full) => ({ file: path.relative(path.resolve(libRoot, ".."), full).split(path.sep).join("/"), source: readFileSync(full, "utf8") }))
      .filter(({ source }) => /\brunChange\s*(?:<[\s\S]*?>)?\s*\(/.test(source))
      .filter(({ source }) => [...source.matchAll(takesPersonId)].some((m) => /\bpersonId\b/.test(m[1]!)))
      .map(({ file }) => file);
    expect(found.length).toBeGreaterThan(10);
    const unlisted = found.filter((file) => !(file in writes) && !(file in notPersonWrites));
    expect(unlisted, "add each to the table of writes (and guard it with assertPersonWritable) or to notPersonWrites").toEqual([]);
  });
});
