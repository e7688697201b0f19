// A connected system that stored a person's id before an officer merged that person into another
// keeps working: every API path taking a person id reads and changes the survivor, unsubscribe
// links minted before the merge withdraw the survivor's consent, and person.merged names both ids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as oneClickUnsubscribe from "@/app/api/unsubscribe/route";
import { apiScopes } from "@/lib/api-keys/scopes";
import { findPersonActivity } from "@/lib/audit/find-person-activity";
import { overrideConfig } from "@/lib/config";
import { getUnsubscribeTarget } from "@/lib/consents/get-unsubscribe-target";
import { grantConsent } from "@/lib/consents/grant-consent";
import { readUnsubscribeToken } from "@/lib/consents/read-unsubscribe-token";
import { mergePersons } from "@/lib/identity/merge-persons";
import { fanOutEvents } from "@/lib/propagation/fan-out-events";
import { recordPersonView } from "@/lib/persons/record-person-view";
import { createPerson } from "../../factories/persons";
import { createPublishedPurpose } from "../../factories/purposes";
import { createKey, createSystem } from "../../factories/systems";
import { createStaff } from "../../factories/staff";
import { api } from "../../support/api-client";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let key: string;
let system: Awaited<ReturnType<typeof createSystem>>;
let newsletter: string;
let sms: string;
let survivorId: string;
let mergedId: string;
/** Minted for the merged id before the merge, as a newsletter already sent would carry it. */
let oldToken: string;
/** An event about the merged person, delivered to the system before the merge. */
let oldEventId: string;
const stamp = Date.now();

beforeAll(async () => {
  overrideConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", API_RATE_LIMIT_PER_MINUTE: "100000" });
  t = await setupTestDatabase();
  const prisma = t.database.prisma;
  system = await createSystem({ webhookUrl: "http://127.0.0.1:9/hook", eventTypes: ["person.updated"] });
  key = await createKey(system.id, [...apiScopes]);
  newsletter = await createPublishedPurpose({ channel: "EMAIL" });
  sms = await createPublishedPurpose({ channel: "SMS" });

  // Two CRM records of one customer: the CRM holds an id for each.
  const survivor = await createPerson(prisma, { givenName: "Aino" }, [{ system: system.key, externalId: `200011-${stamp}` }]);
  const merged = await createPerson(prisma, { givenName: "Aino" }, [{ system: system.key, externalId: `100005-${stamp}` }]);
  [survivorId, mergedId] = [survivor.id, merged.id];
  const customer = { kind: "PERSON" as const, id: "u-merged" };
  await grantConsent({ actor: customer, personId: survivorId, input: { purposeKey: newsletter }, now: new Date(Date.now() - 60_000) });
  await grantConsent({ actor: customer, personId: mergedId, input: { purposeKey: newsletter } });

  const minted = await api("POST", "/api/v1/unsubscribe-tokens", { key, body: { personId: mergedId, purposeKey: newsletter } });
  expect(minted.status).toBe(201);
  oldToken = minted.body.token;
  expect((await api("PATCH", `/api/v1/persons/${mergedId}`, { key, body: { observedAt: new Date().toISOString(), changes: { familyName: "Virtanen" } } })).status).toBe(200);
  await fanOutEvents(prisma, new Date());
  oldEventId = (await prisma.delivery.findFirstOrThrow({ where: { systemId: system.id, personId: mergedId, eventType: "person.updated" } })).eventId;

  const { actor } = await createStaff(prisma, "PRIVACY_OFFICER");
  await recordPersonView({ actor, personId: [survivorId, mergedId], input: { reasonCode: "identity_resolution" } });
  await mergePersons({ actor, input: { survivorId, mergedId } });
});
afterAll(async () => t.drop());

describe("a merged person's id after the merge", () => {
  it("is gone as a row but names the survivor in the person.merged event, which lists both CRM ids", async () => {
    const prisma = t.database.prisma;
    expect(await prisma.person.findUnique({ where: { id: mergedId } })).toBeNull();
    const event = await prisma.outboxEvent.findFirstOrThrow({ where: { type: "person.merged", personId: survivorId } });
    const payload = event.payload as { personId: string; externalIds: Record<string, string[]>; data: Record<string, unknown> };
    expect(payload.personId).toBe(survivorId);
    expect(payload.data).toMatchObject({ survivor: survivorId, merged: mergedId, mergedPersonId: mergedId });
    expect(payload.externalIds).toEqual({ [system.key]: [`100005-${stamp}`, `200011-${stamp}`] });
  });

  it("reads the survivor (GET /persons/{id}), with both ids of the system", async () => {
    const read = await api("GET", `/api/v1/persons/${mergedId}`, { key });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: survivorId, externalIds: { [system.key]: [`100005-${stamp}`, `200011-${stamp}`] } });
  });

  it("corrects the survivor (PATCH /persons/{id})", async () => {
    const fixed = await api("PATCH", `/api/v1/persons/${mergedId}`, { key, body: { observedAt: new Date().toISOString(), changes: { city: "Vaasa" } } });
    expect(fixed).toMatchObject({ status: 200, body: { changedFields: ["city"] } });
    expect((await t.database.prisma.person.findUniqueOrThrow({ where: { id: survivorId } })).city).toBe("Vaasa");
    expect(await t.database.prisma.personFieldChange.findFirstOrThrow({ where: { field: "city", personId: survivorId } })).toMatchObject({ source: "SYSTEM", system: system.key });
  });

  it("links a third id of the same system to the survivor, beside the two it holds (POST /persons/{id}/external-ids)", async () => {
    const linked = await api("POST", `/api/v1/persons/${mergedId}/external-ids`, { key, body: { externalId: `300001-${stamp}` } });
    expect(linked).toMatchObject({ status: 201, body: { system: system.key, externalId: `300001-${stamp}`, linked: true } });
    expect((await t.database.prisma.externalIdentity.findUniqueOrThrow({ where: { system_externalId: { system: system.key, externalId: `300001-${stamp}` } } })).personId).toBe(survivorId);
    const read = await api("GET", `/api/v1/persons/${survivorId}`, { key });
    expect(read.body.externalIds).toEqual({ [system.key]: [`100005-${stamp}`, `200011-${stamp}`, `300001-${stamp}`] });
    const event = await t.database.prisma.outboxEvent.findFirstOrThrow({ where: { type: "person.identity_linked", personId: survivorId } });
    expect((event.payload as { externalIds: Record<string, string[]> }).externalIds[system.key]).toHaveLength(3);
  });

  it("records interactions on the survivor (POST /persons/{id}/interactions)", async () => {
    const body = { externalId: `ORD-${stamp}`, kind: "PURCHASE", occurredAt: "2026-11-01T12:00:00Z", summary: "Bike", amountMinor: 49900, currency: "EUR" };
    const first = await api("POST", `/api/v1/persons/${mergedId}/interactions`, { key, body });
    expect(first.status).toBe(201);
    expect((await t.database.prisma.interaction.findUniqueOrThrow({ where: { id: first.body.id } })).personId).toBe(survivorId);
    // The same order again, by either id: the stored one, not a conflict.
    expect((await api("POST", `/api/v1/persons/${survivorId}/interactions`, { key, body })).body).toEqual({ ...first.body, created: false });
  });

  it("reads and records consents of the survivor (GET /persons/{id}/consents, POST /consents)", async () => {
    const granted = await api("POST", "/api/v1/consents", {
      key,
      body: { person: { id: mergedId }, purposeKey: sms, status: "GRANTED", evidence: { collectedAt: new Date().toISOString(), method: "in_store" } },
    });
    expect(granted).toMatchObject({ status: 201, body: { personId: survivorId, status: "GRANTED", changed: true } });
    expect((await t.database.prisma.consentEvent.findUniqueOrThrow({ where: { id: granted.body.consentEventId } })).personId).toBe(survivorId);
    const read = await api("GET", `/api/v1/persons/${mergedId}/consents`, { key });
    expect(read.status).toBe(200);
    expect(read.body.items.find((c: { purposeKey: string }) => c.purposeKey === sms)).toMatchObject({ status: "GRANTED", permitted: true });
  });

  it("checks consent for the survivor, alone and in bulk (POST /consents/check)", async () => {
    const single = await api("POST", "/api/v1/consents/check", { key, body: { purposes: [sms], persons: [{ id: mergedId }] } });
    expect(single.body.results).toEqual([{ ref: { id: mergedId }, personId: survivorId, permitted: { [sms]: true } }]);
    const persons = [{ id: mergedId }, { id: survivorId }, { externalId: `100005-${stamp}` }, { id: "never-existed" }];
    const bulk = await api("POST", "/api/v1/consents/check", { key, body: { purposes: [sms], persons } });
    expect(bulk.body.results.map((r: { personId: string | null }) => r.personId)).toEqual([survivorId, survivorId, survivorId, null]);
    expect(bulk.body.results.map((r: { permitted: Record<string, boolean> }) => r.permitted[sms])).toEqual([true, true, true, false]);
  });

  it("mints unsubscribe links for the survivor (POST /unsubscribe-tokens)", async () => {
    const minted = await api("POST", "/api/v1/unsubscribe-tokens", { key, body: { personId: mergedId, purposeKey: sms } });
    expect(minted.status).toBe(201);
    expect(await readUnsubscribeToken(minted.body.token)).toEqual({ personId: survivorId, purposeKey: sms });
  });

  it("takes a link minted before the merge: its one click withdraws the survivor's consent", async () => {
    const before = await api("GET", `/api/v1/persons/${survivorId}/consents`, { key });
    expect(before.body.items.find((c: { purposeKey: string }) => c.purposeKey === newsletter)).toMatchObject({ status: "GRANTED" });
    expect(await getUnsubscribeTarget(oldToken, "fi")).toMatchObject({ valid: true, purposeKey: newsletter, withdrawn: false });

    const click = await oneClickUnsubscribe.POST(
      new Request(`http://localhost/api/unsubscribe?token=${encodeURIComponent(oldToken)}`, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }),
    );
    expect(click.status).toBe(200);
    const after = await api("GET", `/api/v1/persons/${survivorId}/consents`, { key });
    expect(after.body.items.find((c: { purposeKey: string }) => c.purposeKey === newsletter)).toMatchObject({ status: "WITHDRAWN", permitted: false });
    const withdrawal = await t.database.prisma.consentEvent.findFirstOrThrow({ where: { source: "UNSUBSCRIBE_LINK" } });
    expect(withdrawal.personId).toBe(survivorId);
    expect(await getUnsubscribeTarget(oldToken, "fi")).toMatchObject({ valid: true, withdrawn: true });
  });

  it("takes the acknowledgement of an event delivered before the merge; it shows in the survivor's activity", async () => {
    const ack = await api("POST", "/api/v1/acknowledgements", { key, body: { eventId: oldEventId, status: "done" } });
    expect(ack).toMatchObject({ status: 201, body: { status: "DONE", eventId: oldEventId } });
    const activity = await findPersonActivity(survivorId);
    expect(activity.entries.map((e) => e.action)).toContain("system.acknowledged");
  });

  it("still answers 404 for an id that never existed, on every path", async () => {
    const nobody = `nobody-${stamp}`;
    const now = new Date().toISOString();
    const answers = await Promise.all([
      api("GET", `/api/v1/persons/${nobody}`, { key }),
      api("PATCH", `/api/v1/persons/${nobody}`, { key, body: { observedAt: now, changes: { city: "Oulu" } } }),
      api("POST", `/api/v1/persons/${nobody}/external-ids`, { key, body: { externalId: `X-${stamp}` } }),
      api("POST", `/api/v1/persons/${nobody}/interactions`, { key, body: { externalId: `O-${stamp}`, kind: "SERVICE", occurredAt: now, summary: "x" } }),
      api("GET", `/api/v1/persons/${nobody}/consents`, { key }),
      api("POST", "/api/v1/consents", { key, body: { person: { id: nobody }, purposeKey: sms, status: "GRANTED", evidence: { collectedAt: now, method: "other" } } }),
      api("POST", "/api/v1/unsubscribe-tokens", { key, body: { personId: nobody, purposeKey: sms } }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
  });
});
