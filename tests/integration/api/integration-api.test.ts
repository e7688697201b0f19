// What connected systems do through /api/v1: look up, correct, link, report, consent, acknowledge.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiScopes } from "@/lib/api-keys/scopes";
import { overrideConfig } from "@/lib/config";
import { readUnsubscribeToken } from "@/lib/consents/read-unsubscribe-token";
import { runChange } from "@/lib/changes/run-change";
import { correctPerson } from "@/lib/persons/correct-person";
import { sendTestEvent } from "@/lib/propagation/send-test-event";
import { suppressEmail } from "@/lib/suppression/suppress-email";
import { createPerson, uniqueEmail } from "../../factories/persons";
import { createPublishedPurpose } from "../../factories/purposes";
import { createKey, createSystem, systemAdmin } from "../../factories/systems";
import { api } from "../../support/api-client";
import { waitFor } from "../../support/http-servers";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let key: string;
let system: Awaited<ReturnType<typeof createSystem>>;
beforeAll(async () => {
  overrideConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", API_RATE_LIMIT_PER_MINUTE: "100000" });
  t = await setupTestDatabase();
  system = await createSystem({ webhookUrl: "http://127.0.0.1:9/hook", eventTypes: [] });
  key = await createKey(system.id, [...apiScopes]);
});
afterAll(async () => t.drop());

describe("integration API", () => {
  it("looks persons up by email and by the system's own id, and pages by cursor", async () => {
    // Taken before the first person is created: the lookups below may take over a second on a busy machine.
    const since = new Date(Date.now() - 1000).toISOString();
    const email = uniqueEmail();
    const person = await createPerson(t.database.prisma, { email }, [{ system: system.key, externalId: "CRM-7" }]);
    const byEmail = await api("GET", `/api/v1/persons?email=${encodeURIComponent(email.toUpperCase())}`, { key });
    expect(byEmail.body.items.map((p: { id: string }) => p.id)).toEqual([person.id]);
    const byExternal = await api("GET", "/api/v1/persons?externalId=CRM-7", { key });
    expect(byExternal.body.items[0]).toMatchObject({ id: person.id, externalIds: { [system.key]: ["CRM-7"] } });
    expect((await api("GET", "/api/v1/persons?externalId=CRM-7&system=other", { key })).body.items).toEqual([]);

    for (let i = 0; i < 4; i += 1) await createPerson(t.database.prisma);
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await api("GET", `/api/v1/persons?updatedSince=${since}&limit=2${cursor ? `&cursor=${cursor}` : ""}`, { key });
      seen.push(...page.body.items.map((p) => p.id));
      cursor = page.body.nextCursor;
    }
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("corrects with the system as provenance, and answers 409 with the current value for a field the person changed since", async () => {
    const person = await createPerson(t.database.prisma);
    const observedAt = new Date().toISOString();
    const fixed = await api("PATCH", `/api/v1/persons/${person.id}`, { key, body: { observedAt, changes: { city: "Oulu", phone: "040 123 4567" } } });
    expect(fixed).toMatchObject({ status: 200, body: { changedFields: ["phone", "city"] } });
    const change = await t.database.prisma.personFieldChange.findFirstOrThrow({ where: { personId: person.id, field: "city" } });
    expect(change).toMatchObject({ source: "SYSTEM", system: system.key });

    await correctPerson({ actor: { kind: "PERSON", id: "u" }, personId: person.id, input: { city: "Kemi" }, source: "PERSON" });
    const stale = await api("PATCH", `/api/v1/persons/${person.id}`, { key, body: { observedAt, changes: { city: "Oulu", familyName: "Mäki" } } });
    expect(stale.status).toBe(409);
    expect(stale.body.conflicts).toEqual([{ field: "city", currentValue: "Kemi", changedAt: expect.any(String) }]);
    expect((await t.database.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).familyName).toBeNull();
    // Seen after the person's change: accepted.
    const fresh = await api("PATCH", `/api/v1/persons/${person.id}`, { key, body: { observedAt: new Date().toISOString(), changes: { city: "Oulu" } } });
    expect(fresh).toMatchObject({ status: 200, body: { changedFields: ["city"] } });
  });

  it("links the system's id once, and refuses an id that belongs to another person", async () => {
    const [a, b] = [await createPerson(t.database.prisma), await createPerson(t.database.prisma)];
    expect(await api("POST", `/api/v1/persons/${a.id}/external-ids`, { key, body: { externalId: "SHOP-1" } })).toMatchObject({ status: 201, body: { linked: true, system: system.key } });
    expect(await api("POST", `/api/v1/persons/${a.id}/external-ids`, { key, body: { externalId: "SHOP-1" } })).toMatchObject({ status: 200, body: { linked: false } });
    expect((await api("POST", `/api/v1/persons/${b.id}/external-ids`, { key, body: { externalId: "SHOP-1" } })).status).toBe(409);
    const event = await t.database.prisma.outboxEvent.findFirstOrThrow({ where: { personId: a.id, type: "person.identity_linked" } });
    expect((event.payload as { externalIds: Record<string, string[]> }).externalIds[system.key]).toEqual(["SHOP-1"]);
  });

  it("stores an interaction once per system and external id", async () => {
    const person = await createPerson(t.database.prisma);
    const body = { externalId: "ORD-55", kind: "SERVICE", occurredAt: "2026-10-01T12:00:00Z", summary: "Yearly service" };
    const first = await api("POST", `/api/v1/persons/${person.id}/interactions`, { key, body });
    const second = await api("POST", `/api/v1/persons/${person.id}/interactions`, { key, body });
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body).toEqual({ ...first.body, created: false });
    expect(await t.database.prisma.interaction.count({ where: { personId: person.id } })).toBe(1);
  });

  it("answers a double opt-in consent as pending, with whether its confirmation email went out, as documented", async () => {
    const purposeKey = await createPublishedPurpose({ channel: "EMAIL", requiresDoubleOptIn: true });
    const person = await createPerson(t.database.prisma);
    const evidence = { collectedAt: "2026-11-20T09:30:00Z", method: "web_form" };
    // api() checks the answer against the OpenAPI document: an undocumented status or field throws.
    const pending = await api("POST", "/api/v1/consents", { key, body: { person: { id: person.id }, purposeKey, status: "GRANTED", evidence } });
    expect(pending).toMatchObject({ status: 201, body: { status: "PENDING_CONFIRMATION", changed: true } });
  });

  it("records consent collected elsewhere with its evidence, refuses suppressed addresses, and checks in bulk", async () => {
    const purposeKey = await createPublishedPurpose();
    const person = await createPerson(t.database.prisma);
    const evidence = { collectedAt: "2026-11-20T09:30:00Z", method: "in_store", reference: "receipt-991", locale: "fi" };
    const granted = await api("POST", "/api/v1/consents", { key, body: { person: { id: person.id }, purposeKey, status: "GRANTED", evidence } });
    expect(granted).toMatchObject({ status: 201, body: { personId: person.id, status: "GRANTED", changed: true } });
    const event = await t.database.prisma.consentEvent.findUniqueOrThrow({ where: { id: granted.body.consentEventId } });
    expect(event).toMatchObject({ source: "API", connectedSystemId: system.id, actorKind: "SYSTEM" });
    expect(await t.database.prisma.externalConsentEvidence.findUniqueOrThrow({ where: { consentEventId: event.id } })).toMatchObject({ method: "in_store", reference: "receipt-991", systemId: system.id });
    const read = await api("GET", `/api/v1/persons/${person.id}/consents`, { key });
    expect(read.body.items.find((c: { purposeKey: string }) => c.purposeKey === purposeKey)).toMatchObject({ status: "GRANTED", permitted: true });

    const newcomer = uniqueEmail("newcomer");
    const created = await api("POST", "/api/v1/consents", { key, body: { person: { email: newcomer }, purposeKey, status: "GRANTED", evidence } });
    expect(created.status).toBe(201);
    expect(await t.database.prisma.person.findUniqueOrThrow({ where: { email: newcomer } })).toMatchObject({ id: created.body.personId });

    const erased = uniqueEmail("erased");
    await runChange({ kind: "WORKER", id: "test" }, async (tx) => {
      await suppressEmail(tx, erased, "erasure");
      return { result: null, audit: [] };
    });
    const before = await t.database.prisma.person.count();
    const refused = await api("POST", "/api/v1/consents", { key, body: { person: { email: ` ${erased.toUpperCase()}` }, purposeKey, status: "GRANTED", evidence } });
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([{ path: "person", message: "suppressed" }]);
    expect(await t.database.prisma.person.count()).toBe(before);

    const withdrawn = await api("POST", "/api/v1/consents", { key, body: { person: { id: person.id }, purposeKey, status: "WITHDRAWN", evidence: { ...evidence, method: "phone" } } });
    expect(withdrawn).toMatchObject({ status: 201, body: { status: "WITHDRAWN", changed: true, consentEventId: expect.any(String) } });

    // 1,000 persons in one call: the two who granted, the one who withdrew, and unknowns.
    const refs = [{ email: newcomer }, { id: person.id }, ...Array.from({ length: 998 }, (_, i) => ({ id: `missing-${i}` }))];
    const check = await api("POST", "/api/v1/consents/check", { key, body: { purposes: [purposeKey, "no-such-purpose"], persons: refs } });
    expect(check.status).toBe(200);
    expect(check.body.results).toHaveLength(1000);
    expect(check.body.results[0]).toMatchObject({ personId: created.body.personId, permitted: { [purposeKey]: true, "no-such-purpose": false } });
    expect(check.body.results[1].permitted[purposeKey]).toBe(false);
    expect(check.body.results[2]).toMatchObject({ personId: null, permitted: { [purposeKey]: false } });
    expect(check.body.unknownPurposes).toEqual(["no-such-purpose"]);
    expect((await api("POST", "/api/v1/consents/check", { key, body: { purposes: [purposeKey], persons: [...refs, { id: "one-too-many" }] } })).status).toBe(400);
  });

  it("takes acknowledgements of events delivered to the system only", async () => {
    const { eventId, deliveryId } = await sendTestEvent({ actor: systemAdmin, systemId: system.id });
    const ack = await api("POST", "/api/v1/acknowledgements", { key, body: { eventId, status: "done", note: "Erased." } });
    expect(ack).toMatchObject({ status: 201, body: { status: "DONE", eventId } });
    expect(await t.database.prisma.acknowledgement.findUniqueOrThrow({ where: { id: ack.body.id } })).toMatchObject({ systemId: system.id, deliveryId, status: "DONE", note: "Erased." });
    const other = await createSystem({ webhookUrl: "http://127.0.0.1:9/other" });
    const otherKey = await createKey(other.id, ["events:ack"]);
    expect((await api("POST", "/api/v1/acknowledgements", { key: otherKey, body: { eventId, status: "done" } })).status).toBe(404);
    expect((await api("POST", "/api/v1/acknowledgements", { key, body: { status: "done" } })).status).toBe(400);
  });

  it("mints one-click unsubscribe links and lists the system's events by cursor", async () => {
    const purposeKey = await createPublishedPurpose();
    const person = await createPerson(t.database.prisma);
    const minted = await api("POST", "/api/v1/unsubscribe-tokens", { key, body: { personId: person.id, purposeKey, expiresInDays: 30 } });
    expect(minted.status).toBe(201);
    expect(minted.body.oneClickUrl).toContain("/api/unsubscribe?token=");
    expect(await readUnsubscribeToken(minted.body.token)).toEqual({ personId: person.id, purposeKey });
    expect((await api("POST", "/api/v1/unsubscribe-tokens", { key, body: { personId: "nobody", purposeKey } })).status).toBe(404);

    await sendTestEvent({ actor: systemAdmin, systemId: system.id });
    await sendTestEvent({ actor: systemAdmin, systemId: system.id });
    // The feed lists an event once every transaction on the server that began before it has ended
    // (other test files' included).
    const first = await waitFor(async () => {
      const page = await api("GET", "/api/v1/events?limit=1", { key });
      return page.body.hasMore ? page : null;
    }, { what: "both test events in the feed", timeoutMs: 120_000 });
    expect(first.body.items).toHaveLength(1);
    const second = await api("GET", `/api/v1/events?limit=1&after=${first.body.nextCursor}`, { key });
    expect(second.body.items[0].type).toBe("system.test");
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  }, 300_000);
});
