// Erasures on the queue: the change that schedules an erasure queues its step for the end of the
// cooling-off period; a failing erasure backs off and ends DEAD with a notice to admins without
// holding up another; an admin's replay, once the cause is fixed, completes it; a cancelled
// erasure's step does nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/actor";
import { replayDeadJob } from "@/lib/queue/replay-dead-job";
import { cancelDataRequest } from "@/lib/requests/cancel-data-request";
import { requestErasure } from "@/lib/requests/request-erasure";
import { createPerson } from "../../factories/persons";
import { createStaff } from "../../factories/staff";
import { runQueue } from "../../support/run-queue";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => t.drop());

const DAY = 24 * 60 * 60 * 1000;

/** A customer with a user account, who asks for erasure at `at`. */
async function customerAskingErasure(at: Date) {
  const prisma = t.database.prisma;
  const person = await createPerson(prisma);
  const user = await prisma.user.create({ data: { email: person.email!, personId: person.id } });
  const actor: Actor = { kind: "PERSON", id: user.id };
  const request = await requestErasure({ actor, personId: person.id, signedInAt: at }, { now: at });
  return { person, user, actor, request };
}

/** The erasure's job while it waits or is dead (a succeeded job gives its dedupe key up). */
const jobOf = (requestId: string) => t.database.prisma.job.findUniqueOrThrow({ where: { dedupeKey: `erasure:${requestId}` } });
const erasedAt = async (personId: string) => (await t.database.prisma.person.findUniqueOrThrow({ where: { id: personId } })).erasedAt;
const statusOf = async (requestId: string) => (await t.database.prisma.dataRequest.findUniqueOrThrow({ where: { id: requestId } })).status;

describe("erasures on the queue", () => {
  it("runs an erasure through the queue once its cooling-off period has passed, not before", async () => {
    const t0 = new Date();
    const { person, request } = await customerAskingErasure(t0);
    // Queued by the request itself, for the end of the cooling-off period.
    const job = await jobOf(request.id);
    expect(job).toMatchObject({ kind: "erasure.execute", status: "PENDING", personId: person.id, runAt: request.scheduledFor });

    await runQueue(t.database.prisma, new Date(t0.getTime() + 13 * DAY));
    expect(await erasedAt(person.id)).toBeNull();
    expect((await jobOf(request.id)).status).toBe("PENDING");

    const due = new Date(request.scheduledFor!.getTime() + 1000);
    await runQueue(t.database.prisma, due);
    expect(await erasedAt(person.id)).toEqual(due);
    // No system has to confirm it: the same step completes it.
    expect(await statusOf(request.id)).toBe("COMPLETED");
    expect(await t.database.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "SUCCEEDED", attempts: 1 });
  });

  it("backs a failing erasure off, leaves it DEAD with a notice after its last attempt while another completes, and completes it when replayed after the cause is fixed", async () => {
    const prisma = t.database.prisma;
    const t0 = new Date(Date.now() - 15 * DAY);
    const failing = await customerAskingErasure(t0);
    const healthy = await customerAskingErasure(t0);
    // Made staff during the cooling-off period: a staff account is not erased.
    await prisma.user.update({ where: { id: failing.user.id }, data: { role: "PRIVACY_OFFICER" } });

    let now = new Date();
    await runQueue(prisma, now);
    expect(await erasedAt(healthy.person.id)).toEqual(now);
    expect(await erasedAt(failing.person.id)).toBeNull();
    const job = await jobOf(failing.request.id);
    expect(job).toMatchObject({ status: "PENDING", attempts: 1, lastError: "CONFLICT: staff account" });

    // Each try waits longer than the one before; it is not run before its time.
    const delays: number[] = [];
    for (let attempt = 1; attempt < job.maxAttempts; attempt++) {
      const row = await jobOf(failing.request.id);
      expect(row).toMatchObject({ status: "PENDING", attempts: attempt });
      delays.push(row.runAt.getTime() - now.getTime());
      await runQueue(prisma, new Date(row.runAt.getTime() - 1));
      expect((await jobOf(failing.request.id)).attempts).toBe(attempt);
      now = row.runAt;
      await runQueue(prisma, now);
    }
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]!);

    const dead = await jobOf(failing.request.id);
    expect(dead).toMatchObject({ status: "DEAD", attempts: job.maxAttempts, lastError: "CONFLICT: staff account" });
    const notice = await prisma.adminNotice.findFirstOrThrow({ where: { kind: "job.dead", resolvedAt: null } });
    expect(notice.details).toMatchObject({ jobId: dead.id, kind: "erasure.execute", attempts: job.maxAttempts });
    expect(await statusOf(failing.request.id)).toBe("RECEIVED");
    // Dead is dead: later passes leave it.
    await runQueue(prisma, new Date(now.getTime() + 30 * DAY));
    expect((await jobOf(failing.request.id)).status).toBe("DEAD");

    // The cause is fixed (no longer staff) and an admin replays the job: it runs at once and completes.
    await prisma.user.update({ where: { id: failing.user.id }, data: { role: "CUSTOMER" } });
    const admin = await createStaff(prisma, "ADMIN");
    const replayedAt = new Date(now.getTime() + 31 * DAY);
    expect(await replayDeadJob({ actor: admin.actor, input: { jobId: dead.id } }, { now: replayedAt })).toEqual({ jobId: dead.id, kind: "erasure.execute" });
    expect(await jobOf(failing.request.id)).toMatchObject({ status: "PENDING", attempts: 0, runAt: replayedAt });
    expect((await prisma.adminNotice.findUniqueOrThrow({ where: { id: notice.id } })).resolvedAt).toEqual(replayedAt);
    await runQueue(prisma, replayedAt);
    expect(await erasedAt(failing.person.id)).toEqual(replayedAt);
    expect(await statusOf(failing.request.id)).toBe("COMPLETED");
  });

  it("does nothing for an erasure cancelled in its cooling-off period", async () => {
    const prisma = t.database.prisma;
    const t0 = new Date(Date.now() - 20 * DAY);
    const { person, actor, request } = await customerAskingErasure(t0);
    const job = await jobOf(request.id);
    await cancelDataRequest({ actor, personId: person.id, requestId: request.id }, { now: new Date(t0.getTime() + DAY) });
    await runQueue(prisma, new Date());
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "SUCCEEDED", attempts: 1 });
    expect(await erasedAt(person.id)).toBeNull();
    expect(await statusOf(request.id)).toBe("CANCELLED");
    expect(await prisma.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ email: person.email });
  });
});
