import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { sequenceAuditLog } from "../support/sequence-audit-log";
import { runChange } from "@/lib/changes/run-change";
import { createPerson, uniqueEmail } from "../factories/persons";
import { setupTestDatabase, type TestDatabase } from "../support/test-database";

const staff: Actor = { kind: "STAFF", id: "user-staff-1", role: "SUPPORT", ipHash: "abc123" };

describe("runChange", () => {
  let t: TestDatabase;
  const prisma = () => t.database.prisma;
  const counts = async () => ({
    persons: await prisma().person.count(),
    audit: await prisma().auditEntry.count(),
    outbox: await prisma().outboxEvent.count(),
  });

  beforeAll(async () => {
    t = await setupTestDatabase();
  });
  afterAll(async () => t.drop());

  it("writes nothing when the work throws: no domain write, no audit entry, no outbox event", async () => {
    const before = await counts();
    const email = uniqueEmail("rolled-back");
    await expect(
      runChange(staff, async (tx) => {
        await tx.person.create({ data: { email } });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await counts()).toEqual(before);
    expect(await prisma().person.findUnique({ where: { email } })).toBeNull();
  });

  it("writes nothing when recording its event fails after the work and the audit entry", async () => {
    const before = await counts();
    const email = uniqueEmail("no-event");
    await expect(
      runChange(staff, async (tx) => {
        await tx.person.create({ data: { email } });
        return { result: null, audit: { action: "person.created" }, events: [{ type: "person.updated", personId: "no-such-person", data: {} }] };
      }),
    ).rejects.toThrow(/no person/);
    expect(await counts()).toEqual(before);
    await sequenceAuditLog(prisma());
    expect(await verifyAuditChain(prisma())).toMatchObject({ intact: true });
  });

  it("writes one audit entry and one outbox event per change, with the person's sequence 1 then 2", async () => {
    const person = await createPerson(prisma(), {}, [
      { system: "crm", externalId: "CRM-42" },
      { system: "webshop", externalId: "WS-7" },
    ]);
    const update = (phone: string, now: Date) =>
      runChange(
        staff,
        async (tx) => {
          await tx.person.update({ where: { id: person.id }, data: { phone } });
          return {
            result: phone,
            audit: { action: "person.updated", personId: person.id, target: `Person:${person.id}`, details: { fields: ["phone"] } },
            events: [{ type: "person.updated", personId: person.id, data: { fields: ["phone"], phone } }],
          };
        },
        { now },
      );
    const first = new Date("2026-11-26T10:00:00.000Z");
    const second = new Date("2026-11-26T10:05:00.000Z");
    const before = await counts();
    expect(await update("+358401111111", first)).toBe("+358401111111");
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1, outbox: before.outbox + 1 });
    await update("+358402222222", second);
    expect(await counts()).toEqual({ ...before, audit: before.audit + 2, outbox: before.outbox + 2 });

    const events = await prisma().outboxEvent.findMany({ where: { personId: person.id }, orderBy: { sequence: "asc" } });
    expect(events.map((e) => e.sequence)).toEqual([1, 2]);
    expect((await prisma().person.findUniqueOrThrow({ where: { id: person.id } })).sequence).toBe(2);
    const [event] = events;
    expect(Object.keys(event!.payload as object).sort()).toEqual(["data", "externalIds", "id", "occurredAt", "personId", "sequence", "type"]);
    expect(event!.payload).toEqual({
      id: event!.id,
      type: "person.updated",
      occurredAt: first.toISOString(),
      personId: person.id,
      sequence: 1,
      externalIds: { crm: ["CRM-42"], webshop: ["WS-7"] },
      // What the event is about, and beside it the person's state after the change (at sequence 1).
      data: {
        fields: ["phone"], phone: "+358401111111",
        person: expect.objectContaining({ id: person.id, sequence: 1, details: expect.objectContaining({ phone: "+358401111111" }) }),
        consents: expect.any(Array),
        restricted: false,
        erased: false,
      },
    });
    expect(event!.id).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(event!.occurredAt.toISOString()).toBe(first.toISOString());
    expect((events[1]!.payload as { sequence: number }).sequence).toBe(2);

    const audit = await prisma().auditEntry.findMany({ where: { personId: person.id }, orderBy: { id: "asc" } });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      at: first,
      actorKind: "STAFF",
      actorId: "user-staff-1",
      ipHash: "abc123",
      action: "person.updated",
      target: `Person:${person.id}`,
      details: { fields: ["phone"] },
    });
    await sequenceAuditLog(prisma());
    expect(await verifyAuditChain(prisma())).toMatchObject({ intact: true });
  });

  it("gives concurrent changes to one person distinct, gap-free sequences", async () => {
    const person = await createPerson(prisma());
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        runChange(staff, async () => ({
          result: i,
          audit: { action: "person.updated", personId: person.id },
          events: [{ type: "person.updated", personId: person.id, data: { i } }],
        })),
      ),
    );
    const events = await prisma().outboxEvent.findMany({ where: { personId: person.id }, orderBy: { sequence: "asc" } });
    expect(events.map((e) => e.sequence)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("records an event without a person with no sequence and no external ids", async () => {
    await runChange(staff, async () => ({
      result: null,
      audit: { action: "system.configured" },
      events: [{ type: "purpose.retired", personId: null, data: { setting: "x" } }],
    }));
    const event = await prisma().outboxEvent.findFirstOrThrow({ where: { type: "purpose.retired" } });
    expect(event.sequence).toBeNull();
    expect(event.payload).toMatchObject({ personId: null, sequence: null, externalIds: {}, data: { setting: "x" } });
  });
});
