// The officers' daily digest on the queue: a starting worker makes sure one is queued (any number
// of workers queue the same one), and each run sends the day's digest and queues the next day's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIGEST_HOUR_UTC } from "@/lib/requests/send-officer-digest";
import { ensureRecurringRequestJobs } from "@/lib/requests/request-jobs";
import { runQueue } from "../../support/run-queue";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => t.drop());

describe("the officers' digest on the queue", () => {
  it("is queued once however many workers start, runs at its hour and queues the next day's", async () => {
    const prisma = t.database.prisma;
    const start = new Date(Date.UTC(2031, 2, 10, 12, 0));
    await Promise.all([ensureRecurringRequestJobs(prisma, start), ensureRecurringRequestJobs(prisma, start), ensureRecurringRequestJobs(prisma, start)]);
    const digests = await prisma.job.findMany({ where: { kind: "digest.officers" } });
    expect(digests).toHaveLength(1);
    // Past today's hour: tomorrow's.
    const first = new Date(Date.UTC(2031, 2, 11, DIGEST_HOUR_UTC));
    expect(digests[0]).toMatchObject({ status: "PENDING", runAt: first, dedupeKey: "digest.officers:2031-03-11" });

    await runQueue(prisma, new Date(first.getTime() - 60_000));
    expect(await prisma.dailyJobRun.count()).toBe(0);

    await runQueue(prisma, first);
    expect((await prisma.job.findUniqueOrThrow({ where: { id: digests[0]!.id } })).status).toBe("SUCCEEDED");
    // The day's digest was claimed (sent once whichever worker gets there), and the next day's waits.
    expect(await prisma.dailyJobRun.findFirstOrThrow()).toMatchObject({ lastDay: "2031-03-11" });
    const next = await prisma.job.findFirstOrThrow({ where: { kind: "digest.officers", status: "PENDING" } });
    expect(next).toMatchObject({ runAt: new Date(Date.UTC(2031, 2, 12, DIGEST_HOUR_UTC)), dedupeKey: "digest.officers:2031-03-12" });
    // A worker starting now finds it queued.
    await ensureRecurringRequestJobs(prisma, first);
    expect(await prisma.job.count({ where: { kind: "digest.officers", status: "PENDING" } })).toBe(1);
  });
});
