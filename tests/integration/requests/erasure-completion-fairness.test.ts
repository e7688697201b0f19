// Erasures waiting for systems complete as soon as their own systems have confirmed, however many
// other erasures wait on a system that never does: the confirming acknowledgement completes its
// erasure in its own transaction, and the queue's self-scheduling sweep walks every waiting
// erasure in turn.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAcknowledgement } from "@/lib/propagation/record-acknowledgement";
import { ERASURE_SWEEP_EVERY_MS } from "@/lib/requests/erasure-sweep-job";
import { ensureRecurringRequestJobs } from "@/lib/requests/request-jobs";
import { createPerson } from "../../factories/persons";
import { runQueue } from "../../support/run-queue";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => t.drop());

const MINUTE = 60_000;

async function system(label: string, createdAt: Date) {
  return t.database.prisma.connectedSystem.create({
    data: { key: `${label}-${crypto.randomUUID().slice(0, 8)}`, name: label, kind: "CRM", webhookUrl: "https://crm.example.test/hooks", eventTypes: ["person.erased"], requiresErasureAck: true, createdAt },
  });
}

/** An erasure as execution leaves it: the person erased, the request waiting for the systems. */
async function waitingErasure(erasedAt: Date) {
  const prisma = t.database.prisma;
  const person = await createPerson(prisma, { email: null });
  await prisma.person.update({ where: { id: person.id }, data: { erasedAt } });
  const request = await prisma.dataRequest.create({
    data: { personId: person.id, type: "ERASURE", channel: "PORTAL", status: "AWAITING_SYSTEMS", receivedAt: erasedAt, dueAt: new Date(erasedAt.getTime() + 30 * 86_400_000) },
  });
  await prisma.dataRequestStep.create({ data: { requestId: request.id, at: erasedAt, kind: "erased", status: "AWAITING_SYSTEMS", actorKind: "SYSTEM" } });
  return request;
}

const statusOf = async (id: string) => (await t.database.prisma.dataRequest.findUniqueOrThrow({ where: { id } })).status;
/** The worker's queue at `now`: the sweep, when its time has come, and whatever it queues for the same moment. */
const pass = (now: Date) => runQueue(t.database.prisma, now);

describe("erasures waiting for systems", () => {
  it("the acknowledgement of the last pending system completes its erasure at once, while 20 others wait on a system that never acknowledges", async () => {
    const base = new Date(Date.now() - 60 * MINUTE);
    const quick = await system("quick", base);
    const own = await waitingErasure(new Date(base.getTime() + MINUTE));
    await system("silent", new Date(base.getTime() + 2 * MINUTE));
    const others = [];
    for (let i = 0; i < 20; i++) others.push(await waitingErasure(new Date(base.getTime() + 3 * MINUTE)));
    for (const other of others) await recordAcknowledgement({ actor: { kind: "SYSTEM", id: quick.id }, systemId: quick.id, input: { requestId: other.id, status: "done" } });

    await recordAcknowledgement({ actor: { kind: "SYSTEM", id: quick.id }, systemId: quick.id, input: { requestId: own.id, status: "done" } });

    // No worker pass ran: the acknowledgement itself completed it, with its step and audit entry.
    expect(await statusOf(own.id)).toBe("COMPLETED");
    const steps = await t.database.prisma.dataRequestStep.findMany({ where: { requestId: own.id }, select: { kind: true, actorKind: true } });
    expect(steps.map((s) => s.kind)).toEqual(["erased", "completed"]);
    expect(await t.database.prisma.auditEntry.count({ where: { target: `DataRequest:${own.id}`, action: "request.status_changed" } })).toBe(1);
    // The others still wait for the silent system.
    for (const other of others) expect(await statusOf(other.id)).toBe("AWAITING_SYSTEMS");
  });

  it("a failed acknowledgement completes nothing", async () => {
    const base = new Date(Date.now() - 30 * MINUTE);
    const only = await system("only", base);
    const request = await waitingErasure(new Date(base.getTime() + MINUTE));
    await recordAcknowledgement({ actor: { kind: "SYSTEM", id: only.id }, systemId: only.id, input: { requestId: request.id, status: "failed" } });
    expect(await statusOf(request.id)).toBe("AWAITING_SYSTEMS");
  });

  it("the sweep reaches an erasure that no longer waits for anyone behind more than a batch of erasures that still wait", async () => {
    const prisma = t.database.prisma;
    // This test's own world: systems and erasures of the tests above take no part.
    await prisma.connectedSystem.updateMany({ data: { requiresErasureAck: false } });
    await prisma.dataRequest.updateMany({ where: { status: "AWAITING_SYSTEMS" }, data: { status: "COMPLETED" } });
    const base = new Date(Date.now() - 20 * MINUTE);
    const retiring = await system("retiring", base);
    await system("never", new Date(base.getTime() + 2 * MINUTE));
    const blocked = [];
    for (let i = 0; i < 25; i++) blocked.push(await waitingErasure(new Date(base.getTime() + 3 * MINUTE)));
    // Erased before "never" existed, so it waits for "retiring" only; its row is the newest.
    const last = await waitingErasure(new Date(base.getTime() + MINUTE));
    // A worker starts: the sweep is queued once, and queues itself from then on.
    let now = new Date();
    await ensureRecurringRequestJobs(prisma, now);
    await ensureRecurringRequestJobs(prisma, now);
    expect(await prisma.job.count({ where: { kind: "erasure.sweep", status: "PENDING" } })).toBe(1);
    now = new Date(now.getTime() + ERASURE_SWEEP_EVERY_MS);
    await pass(now);
    expect(await statusOf(last.id)).toBe("AWAITING_SYSTEMS");
    // It walked all 26 (10 a run, each queueing the next batch at once) and waits for its next slot.
    expect(await prisma.job.count({ where: { kind: "erasure.sweep", status: "SUCCEEDED" } })).toBe(3);
    const [next] = await prisma.job.findMany({ where: { kind: "erasure.sweep", status: "PENDING" } });
    expect(next!.runAt.getTime()).toBeGreaterThan(now.getTime());
    // "retiring" is no longer asked to confirm erasures: no acknowledgement will come for it.
    await prisma.connectedSystem.update({ where: { id: retiring.id }, data: { requiresErasureAck: false } });

    // Its next round reaches the one behind the 25 that still wait.
    await pass(next!.runAt);
    expect(await statusOf(last.id)).toBe("COMPLETED");
    for (const request of blocked) expect(await statusOf(request.id)).toBe("AWAITING_SYSTEMS");
    expect(await prisma.job.count({ where: { kind: "erasure.sweep", status: { in: ["PENDING", "RUNNING"] } } })).toBe(1);
    expect(await prisma.job.count({ where: { kind: "erasure.sweep", status: "DEAD" } })).toBe(0);
  });
});
