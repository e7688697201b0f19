// A connected system acknowledges an event or a request once: a repeat (also two posts at once)
// answers the acknowledgement already recorded, with no second row, audit entry or outbox event.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overrideConfig } from "@/lib/config";
import { sendTestEvent } from "@/lib/propagation/send-test-event";
import { createPerson } from "../../factories/persons";
import { createKey, createSystem, systemAdmin } from "../../factories/systems";
import { api } from "../../support/api-client";
import { rowCounter } from "../../support/row-counter";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
let key: string;
let system: Awaited<ReturnType<typeof createSystem>>;
let counts: () => Promise<Record<string, number>>;
beforeAll(async () => {
  overrideConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", API_RATE_LIMIT_PER_MINUTE: "100000" });
  t = await setupTestDatabase();
  system = await createSystem({ webhookUrl: "http://127.0.0.1:9/hook", eventTypes: [] });
  key = await createKey(system.id, ["events:ack"]);
  counts = await rowCounter(t.database);
});
afterAll(async () => t.drop());

const acknowledge = (body: Record<string, unknown>, as = key) => api("POST", "/api/v1/acknowledgements", { key: as, body });

async function openRequest() {
  const person = await createPerson(t.database.prisma);
  const now = new Date();
  const request = await t.database.prisma.dataRequest.create({
    data: { personId: person.id, type: "ERASURE", channel: "PORTAL", status: "AWAITING_SYSTEMS", receivedAt: now, dueAt: new Date(now.getTime() + 30 * 86_400_000) },
    select: { id: true },
  });
  return request.id;
}

describe("POST /api/v1/acknowledgements, repeated", () => {
  it("answers a repeat of an event's acknowledgement with the first one (200) and writes nothing", async () => {
    const { eventId } = await sendTestEvent({ actor: systemAdmin, systemId: system.id });
    const first = await acknowledge({ eventId, status: "done", note: "Erased." });
    expect(first).toMatchObject({ status: 201, body: { status: "DONE", eventId } });
    const before = await counts();
    const again = await acknowledge({ eventId, status: "done", note: "Erased." });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await counts()).toEqual(before);
    expect(await t.database.prisma.acknowledgement.count({ where: { systemId: system.id, eventId } })).toBe(1);
  });

  it("answers a repeat of a request's acknowledgement with the first one (200) and writes nothing", async () => {
    const requestId = await openRequest();
    const first = await acknowledge({ requestId, status: "done" });
    expect(first).toMatchObject({ status: 201, body: { status: "DONE", eventId: null, requestId } });
    const before = await counts();
    const again = await acknowledge({ requestId, status: "done" });
    expect(again).toMatchObject({ status: 200, body: first.body });
    expect(await counts()).toEqual(before);
  });

  it("records one acknowledgement when the same one is posted twice at once", async () => {
    const { eventId } = await sendTestEvent({ actor: systemAdmin, systemId: system.id });
    const requestId = await openRequest();
    const audits = await t.database.prisma.auditEntry.count({ where: { action: "system.acknowledged" } });
    const outbox = await t.database.prisma.outboxEvent.count();
    const answers = await Promise.all([acknowledge({ eventId, status: "done" }), acknowledge({ eventId, status: "done" })]);
    const byRequest = await Promise.all([acknowledge({ requestId, status: "done" }), acknowledge({ requestId, status: "done" })]);
    for (const pair of [answers, byRequest]) {
      expect(pair.map((a) => a.status).sort()).toEqual([200, 201]);
      expect(pair[0]!.body).toEqual(pair[1]!.body);
    }
    expect(await t.database.prisma.acknowledgement.count({ where: { systemId: system.id, eventId } })).toBe(1);
    expect(await t.database.prisma.acknowledgement.count({ where: { systemId: system.id, requestId } })).toBe(1);
    expect(await t.database.prisma.auditEntry.count({ where: { action: "system.acknowledged" } })).toBe(audits + 2);
    expect(await t.database.prisma.outboxEvent.count()).toBe(outbox);
  });

  it("updates the acknowledgement when a failure is later carried out, with its audit entry", async () => {
    const { eventId } = await sendTestEvent({ actor: systemAdmin, systemId: system.id });
    const failed = await acknowledge({ eventId, status: "failed", note: "Locked record." });
    const done = await acknowledge({ eventId, status: "done" });
    expect(done).toMatchObject({ status: 200, body: { id: failed.body.id, status: "DONE", eventId } });
    expect(await t.database.prisma.acknowledgement.findMany({ where: { eventId }, select: { status: true, note: true } })).toEqual([{ status: "DONE", note: null }]);
    const trail = await t.database.prisma.auditEntry.findMany({ where: { action: "system.acknowledged", target: `OutboxEvent:${eventId}` }, select: { details: true } });
    expect(trail.map((e) => (e.details as { status: string }).status)).toEqual(["FAILED", "DONE"]);
  });

  it("keeps acknowledgements of the same event by two systems apart, and an event's apart from its request's", async () => {
    const other = await createSystem({ webhookUrl: "http://127.0.0.1:9/other", eventTypes: [] });
    const otherKey = await createKey(other.id, ["events:ack"]);
    const requestId = await openRequest();
    expect((await acknowledge({ requestId, status: "done" })).status).toBe(201);
    expect((await acknowledge({ requestId, status: "done" }, otherKey)).status).toBe(201);
    expect(await t.database.prisma.acknowledgement.count({ where: { requestId } })).toBe(2);
  });

  it("is guarded by the database: a second row for the same system and event is refused", async () => {
    const { eventId } = await sendTestEvent({ actor: systemAdmin, systemId: system.id });
    await acknowledge({ eventId, status: "done" });
    await expect(t.database.prisma.acknowledgement.create({ data: { systemId: system.id, eventId, status: "DONE" } })).rejects.toMatchObject({ code: "P2002" });
  });
});
