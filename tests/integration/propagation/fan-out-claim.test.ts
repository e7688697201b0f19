// The sender fans new events out into deliveries it holds already (one write fewer per delivery):
// they are claimed on its lease as a claim would leave them, a system disabled for failing gets
// waiting ones, and a system without persons:read:details gets bodies without details.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overrideConfig } from "@/lib/config";
import { correctPerson } from "@/lib/persons/correct-person";
import { claimDeliveries } from "@/lib/propagation/claim-deliveries";
import { fanOutAndClaim } from "@/lib/propagation/fan-out-events";
import { releaseDeliveries } from "@/lib/propagation/release-deliveries";
import { createPerson } from "../../factories/persons";
import { createKey, createSystem } from "../../factories/systems";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  overrideConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true" });
  t = await setupTestDatabase();
});
afterAll(async () => t.drop());

describe("fan-out into claimed deliveries", () => {
  it("inserts deliveries to active systems claimed on the sender's lease, and waiting ones for a system disabled for failing", async () => {
    const prisma = t.database.prisma;
    const detailed = await createSystem({ webhookUrl: "http://127.0.0.1:9/a", eventTypes: ["person.updated"] });
    await createKey(detailed.id, ["persons:read", "persons:read:details"]);
    const plain = await createSystem({ webhookUrl: "http://127.0.0.1:9/b", eventTypes: ["person.updated"] });
    const failing = await createSystem({ webhookUrl: "http://127.0.0.1:9/c", eventTypes: ["person.updated"] });
    await prisma.connectedSystem.update({ where: { id: failing.id }, data: { active: false, disabledReason: "failing" } });
    const person = await createPerson(prisma);
    await correctPerson({ actor: { kind: "PERSON", id: "u" }, personId: person.id, input: { city: "Tampere", phone: "+358401234567" }, source: "PERSON" });
    // Events from earlier tests in this database are fanned out first, so only ours are left.
    while ((await fanOutAndClaim(prisma, new Date(), { workerId: "earlier", leaseMs: 60_000 })).events > 0);
    await prisma.outboxEvent.updateMany({ where: { personId: person.id }, data: { dispatchedAt: null } });
    await prisma.delivery.deleteMany({ where: { personId: person.id } });

    const now = new Date();
    const fanned = await fanOutAndClaim(prisma, now, { workerId: "w1", leaseMs: 60_000 });
    expect(fanned.events).toBeGreaterThan(0);
    const mine = fanned.claimed.filter((d) => [detailed.id, plain.id].includes(d.systemId));
    expect(new Set(mine.map((d) => d.systemId))).toEqual(new Set([detailed.id, plain.id]));
    expect(fanned.claimed.some((d) => d.systemId === failing.id)).toBe(false);

    const rows = await prisma.delivery.findMany({ where: { personId: person.id } });
    for (const row of rows.filter((r) => r.systemId !== failing.id)) {
      expect(row).toMatchObject({ status: "IN_FLIGHT", leasedBy: "w1", attempts: 1 });
      expect(row.leaseUntil!.getTime()).toBe(now.getTime() + 60_000);
    }
    expect(rows.filter((r) => r.systemId === failing.id).map((r) => r.status)).toEqual(["PENDING"]);

    const body = (systemId: string) => JSON.parse(mine.find((d) => d.systemId === systemId)!.body);
    expect(body(detailed.id).data.person.details.phone).toBe("+358401234567");
    expect(body(plain.id).data.person.details).toBeUndefined();
    expect(JSON.stringify(body(plain.id))).not.toContain("+358401234567");
    expect(mine.every((d) => d.abandonedBy === null && d.webhookUrl?.startsWith("http://127.0.0.1:9/"))).toBe(true);

    // Held by w1 they are no one else's until its lease runs out; given back, they are due at once and the claim is no try.
    expect((await claimDeliveries(prisma, { workerId: "w2", now, limit: 100, leaseMs: 60_000 })).filter((d) => d.eventId === mine[0]!.eventId)).toEqual([]);
    await releaseDeliveries(prisma, mine.map((d) => d.id), "w1");
    const again = await claimDeliveries(prisma, { workerId: "w2", now: new Date(), limit: 100, leaseMs: 60_000 });
    expect(again.filter((d) => mine.some((m) => m.id === d.id)).map((d) => d.attempts)).toEqual(mine.map(() => 1));
  });
});
