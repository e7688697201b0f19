// Every event about a person carries the person's state as GET /persons/{id} and its consents
// answer it at the event's sequence, cut per system: a system without persons:read:details gets
// no details, neither in data.person nor in the changed values; the catch-up feed lists the same
// bodies in commit order; an erasure leaves every earlier event with the erased state only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overrideConfig } from "@/lib/config";
import { grantConsent } from "@/lib/consents/grant-consent";
import { withdrawAllMarketing } from "@/lib/consents/withdraw-all-marketing";
import { correctPerson } from "@/lib/persons/correct-person";
import { claimDeliveries } from "@/lib/propagation/claim-deliveries";
import { eventTypes } from "@/lib/propagation/event-types";
import { fanOutEvents } from "@/lib/propagation/fan-out-events";
import { recordOutboxEvent } from "@/lib/propagation/record-outbox-event";
import { executeErasure } from "@/lib/requests/execute-erasure";
import { requestErasure } from "@/lib/requests/request-erasure";
import { uniqueEmail } from "../../factories/persons";
import { createPublishedPurpose } from "../../factories/purposes";
import { createKey, createSystem } from "../../factories/systems";
import { api } from "../../support/api-client";
import { waitFor } from "../../support/http-servers";
import { setupTestDatabase, testBackend, type TestDatabase } from "../../support/test-database";

interface Body {
  id: string;
  type: string;
  personId: string | null;
  sequence: number | null;
  data: { person?: Record<string, unknown> & { sequence: number; details?: unknown }; consents?: unknown[]; restricted?: boolean; erased?: boolean; values?: Record<string, unknown>; changedFields?: string[]; redacted?: boolean };
}

let t: TestDatabase;
beforeAll(async () => {
  overrideConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", API_RATE_LIMIT_PER_MINUTE: "100000" });
  t = await setupTestDatabase();
});
afterAll(async () => t.drop());

const scopes = ["persons:read", "consents:read", "events:read"] as const;

/** Two systems subscribed to everything: one whose key reads details, one whose key does not. */
async function twoSystems() {
  const withDetails = await createSystem({ webhookUrl: "http://127.0.0.1:9/a", eventTypes: [...eventTypes] });
  const withoutDetails = await createSystem({ webhookUrl: "http://127.0.0.1:9/b", eventTypes: [...eventTypes] });
  return {
    withDetails: { id: withDetails.id, key: await createKey(withDetails.id, [...scopes, "persons:read:details"]) },
    withoutDetails: { id: withoutDetails.id, key: await createKey(withoutDetails.id, [...scopes]) },
  };
}

/** Fans out what waits and claims every due delivery: the bodies about the person each system would be sent, by system. */
async function claimAll(personId: string) {
  while ((await fanOutEvents(t.database.prisma, new Date())) > 0);
  const claimed = await claimDeliveries(t.database.prisma, { workerId: "test", now: new Date(), limit: 1000, leaseMs: 60_000 });
  const bySystem = new Map<string, Body[]>();
  for (const delivery of claimed.filter((d) => JSON.parse(d.body).personId === personId)) bySystem.set(delivery.systemId, [...(bySystem.get(delivery.systemId) ?? []), JSON.parse(delivery.body) as Body]);
  for (const bodies of bySystem.values()) bodies.sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
  return bySystem;
}

async function newPerson() {
  const email = uniqueEmail("state");
  const person = await t.database.prisma.person.create({ data: { email, emailVerifiedAt: new Date(), givenName: "Aino", familyName: "Virtanen", preferredLanguage: "fi" } });
  const user = await t.database.prisma.user.create({ data: { email, personId: person.id } });
  return { personId: person.id, email, actor: { kind: "PERSON" as const, id: user.id } };
}

describe("the state in every event", () => {
  it("equals GET /persons/{id} and its consents at the event's sequence, details only for a system that may read them", async () => {
    const systems = await twoSystems();
    const purposes = [await createPublishedPurpose(), await createPublishedPurpose()];
    const { personId, actor } = await newPerson();
    await correctPerson({ actor, personId, input: { phone: "+358401234567", city: "Tampere", givenName: "Aina" }, source: "PERSON" });
    for (const purposeKey of purposes) await grantConsent({ actor, personId, input: { purposeKey } });
    const { withdrawn } = await withdrawAllMarketing({ actor, personId });
    expect(withdrawn).toHaveLength(2);

    const bySystem = await claimAll(personId);
    for (const system of [systems.withDetails, systems.withoutDetails]) {
      const bodies = bySystem.get(system.id)!;
      expect(bodies.map((b) => b.type)).toEqual(["person.updated", "consent.updated", "consent.updated", "consent.updated", "consent.updated"]);
      expect(bodies.map((b) => b.sequence)).toEqual([1, 2, 3, 4, 5]);
      for (const body of bodies) expect(body.data.person!.sequence).toBe(body.sequence);
      // The two withdrawals of one change carry the state after the whole change.
      expect(bodies[3]!.data.consents).toEqual(bodies[4]!.data.consents);
      const person = await api("GET", `/api/v1/persons/${personId}`, { key: system.key });
      const consents = await api("GET", `/api/v1/persons/${personId}/consents`, { key: system.key });
      expect(person.body.sequence).toBe(5);
      expect(bodies[4]!.data).toMatchObject({ person: person.body, consents: consents.body.items, restricted: false, erased: false });
      expect(bodies[4]!.data.person).toEqual(person.body);
      expect((consents.body.items as { status: string }[]).map((c) => c.status)).toEqual(["WITHDRAWN", "WITHDRAWN"]);
      // The correction's event held the consents as they were then: none set.
      expect((bodies[0]!.data.consents as { status: string }[]).map((c) => c.status)).toEqual(["NOT_SET", "NOT_SET"]);
    }
    const [withDetails, withoutDetails] = [bySystem.get(systems.withDetails.id)![0]!, bySystem.get(systems.withoutDetails.id)![0]!];
    expect(withDetails.data.person!.details).toMatchObject({ phone: "+358401234567", city: "Tampere" });
    expect(withDetails.data.values).toMatchObject({ phone: "+358401234567", city: "Tampere", givenName: "Aina" });
    expect(withoutDetails.data.person!.details).toBeUndefined();
    expect(withoutDetails.data.values).toEqual({ givenName: "Aina" });
    expect(withoutDetails.data.changedFields).toEqual(["givenName"]);
    expect(JSON.stringify(bySystem.get(systems.withoutDetails.id))).not.toMatch(/358401234567|Tampere/);

    // The feed lists the same bodies, cut the same way (each once every transaction on the server
    // that began before it has ended).
    for (const system of [systems.withDetails, systems.withoutDetails]) {
      const mine = await waitFor(async () => {
        const feed = await api("GET", "/api/v1/events?limit=200", { key: system.key });
        expect(feed.status).toBe(200);
        const items = (feed.body.items as Body[]).filter((item) => item.personId === personId);
        return items.length === 5 ? items : null;
      }, { what: "the person's events in the feed", timeoutMs: 120_000 });
      expect(mine).toEqual(bySystem.get(system.id));
    }
  }, 300_000);

  it("after an erasure every event, earlier ones included, carries the erased state and nothing of the person", async () => {
    const systems = await twoSystems();
    const purposeKey = await createPublishedPurpose();
    const { personId, actor, email } = await newPerson();
    await correctPerson({ actor, personId, input: { phone: "+358409999999", city: "Kuopio" }, source: "PERSON" });
    await grantConsent({ actor, personId, input: { purposeKey } });
    const request = await requestErasure({ actor, personId, signedInAt: new Date() });
    await executeErasure({ requestId: request.id }, { now: new Date(request.scheduledFor!.getTime() + 1000) });

    const bodies = (await claimAll(personId)).get(systems.withDetails.id)!;
    expect(bodies.map((b) => [b.type, b.sequence])).toEqual([["person.updated", 1], ["consent.updated", 2], ["person.erasure_requested", 3], ["person.erased", 4]]);
    for (const body of bodies) {
      expect(body.data).toMatchObject({ person: { id: personId, sequence: body.sequence, erased: true }, consents: [], restricted: false, erased: true });
      expect(Object.keys(body.data.person!).sort()).toEqual(["erased", "id", "sequence"]);
    }
    expect(bodies.slice(0, 2).map((b) => b.data.redacted)).toEqual([true, true]);
    expect(JSON.stringify(bodies)).not.toMatch(new RegExp(`${email}|358409999999|Kuopio|Aino|Virtanen`));
    expect((await api("GET", `/api/v1/persons/${personId}`, { key: systems.withDetails.key })).status).toBe(410);
  }, 300_000);
});

// Two transactions that commit out of the order they began in: only PostgreSQL runs them side by
// side (PGlite has one connection, so there no transaction can be open while another commits).
if (testBackend() === "postgres") {
  describe("the feed's order", () => {
    it("never lists a later transaction's event before an earlier one still open, so a cursor steps over nothing", async () => {
      const systems = await twoSystems();
      const key = systems.withDetails.key;
      const first = await newPerson();
      const second = await newPerson();
      await correctPerson({ actor: first.actor, personId: first.personId, input: { city: "Espoo" }, source: "PERSON" });
      const before = await waitFor(async () => {
        const page = await api("GET", "/api/v1/events?limit=200", { key });
        return !page.body.hasMore && (page.body.items as Body[]).some((item) => item.personId === first.personId) ? page : null;
      }, { what: "the first correction in the feed", timeoutMs: 120_000 });
      const cursor = before.body.nextCursor as string;

      // The slow transaction takes its transaction id first and commits last.
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const begun = new Promise<void>((resolve) => (started = resolve));
      const slow = t.database.prisma.$transaction(async (tx) => {
        await recordOutboxEvent(tx, { type: "person.updated", personId: first.personId, data: { changedFields: [], values: {} } });
        started();
        await gate;
      });
      await begun;
      await correctPerson({ actor: second.actor, personId: second.personId, input: { city: "Vantaa" }, source: "PERSON" });
      expect(await t.database.prisma.outboxEvent.count({ where: { personId: second.personId } })).toBe(1);

      const during = await api("GET", `/api/v1/events?limit=200&after=${cursor}`, { key });
      expect(during.body).toMatchObject({ items: [], nextCursor: cursor, hasMore: false });

      release();
      await slow;
      const after = await waitFor(async () => {
        const page = await api("GET", `/api/v1/events?limit=200&after=${cursor}`, { key });
        return page.body.items.length >= 2 ? page : null;
      }, { what: "both events in the feed", timeoutMs: 120_000 });
      expect((after.body.items as Body[]).map((item) => item.personId)).toEqual([first.personId, second.personId]);
    }, 300_000);
  });
}
