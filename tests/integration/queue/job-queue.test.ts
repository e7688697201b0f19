// The one durable queue: jobs written in a change's transaction run once it commits, never when
// it rolls back; a failing job backs off and ends DEAD with a notice; a key with a backlog starves
// no other key; two workers never run one job twice; a dead worker's job is taken over.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { claimJobs } from "@/lib/queue/claim-jobs";
import { enqueueJob, enqueueJobs } from "@/lib/queue/enqueue-job";
import { PermanentJobError, type JobHandler } from "@/lib/queue/job-handler";
import { createQueueJob } from "@/lib/queue/run-queue";
import { FIRST_BACKOFF_MS } from "@/lib/queue/backoff";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => t.drop());
beforeEach(async () => {
  await t.database.prisma.job.deleteMany();
  await t.database.prisma.adminNotice.deleteMany({ where: { kind: "job.dead" } });
});

const signal = () => new AbortController().signal;
const settings = { batch: 5, concurrency: 2, leaseMs: 60_000 };

function recordingHandler(kind: string, fail: (payload: Record<string, unknown>) => Error | null = () => null) {
  const ran: Record<string, unknown>[] = [];
  const handler: JobHandler = {
    kind,
    async run(job) {
      ran.push(job.payload);
      const error = fail(job.payload);
      if (error) throw error;
    },
  };
  return { handler, ran };
}

describe("the job queue", () => {
  it("runs a job queued in a committed transaction, and nothing of one rolled back", async () => {
    const prisma = t.database.prisma;
    const { handler, ran } = recordingHandler("test.note");
    await prisma.$transaction(async (tx) => {
      await enqueueJob(tx, { kind: "test.note", payload: { n: 1 } });
    });
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueJob(tx, { kind: "test.note", payload: { n: 2 } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");

    await createQueueJob([handler], settings).run(prisma, new Date(), { workerId: "w1", signal: signal() });

    expect(ran).toEqual([{ n: 1 }]);
    const [job] = await prisma.job.findMany();
    expect(job).toMatchObject({ status: "SUCCEEDED", attempts: 1, payload: {} });
    expect(job!.finishedAt).not.toBeNull();
  });

  it("drops a second job with the same dedupe key until the first has succeeded", async () => {
    const prisma = t.database.prisma;
    expect(await enqueueJob(prisma, { kind: "test.note", payload: {}, dedupeKey: "build:1" })).not.toBeNull();
    expect(await enqueueJob(prisma, { kind: "test.note", payload: {}, dedupeKey: "build:1" })).toBeNull();
    await createQueueJob([recordingHandler("test.note").handler], settings).run(prisma, new Date(), { workerId: "w1", signal: signal() });
    expect(await enqueueJob(prisma, { kind: "test.note", payload: {}, dedupeKey: "build:1" })).not.toBeNull();
  });

  it("retries a failing job with growing delays, then leaves it DEAD with a notice to admins", async () => {
    const prisma = t.database.prisma;
    const { handler, ran } = recordingHandler("test.flaky", () => new Error("SMTP is down"));
    await enqueueJob(prisma, { kind: "test.flaky", payload: {}, maxAttempts: 3 });
    const job = createQueueJob([handler], settings);
    let now = new Date();
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      await job.run(prisma, now, { workerId: "w1", signal: signal() });
      const row = await prisma.job.findFirstOrThrow();
      if (row.status === "PENDING") {
        delays.push(row.runAt.getTime() - now.getTime());
        // Not due before its time.
        await job.run(prisma, new Date(row.runAt.getTime() - 1_000), { workerId: "w1", signal: signal() });
        now = new Date(row.runAt.getTime() + 1);
      }
    }
    expect(ran).toHaveLength(3);
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(FIRST_BACKOFF_MS);
    expect(delays[1]).toBeGreaterThanOrEqual(2 * FIRST_BACKOFF_MS);
    const dead = await prisma.job.findFirstOrThrow();
    expect(dead).toMatchObject({ status: "DEAD", attempts: 3, lastError: "SMTP is down" });
    const notice = await prisma.adminNotice.findFirstOrThrow({ where: { kind: "job.dead" } });
    expect(notice.details).toMatchObject({ jobId: dead.id, kind: "test.flaky" });
    expect(notice.resolvedAt).toBeNull();
  });

  it("sends a job that cannot succeed straight to DEAD", async () => {
    const prisma = t.database.prisma;
    await enqueueJob(prisma, { kind: "test.broken", payload: {} });
    await createQueueJob([recordingHandler("test.broken", () => new PermanentJobError("cannot be opened")).handler], settings).run(prisma, new Date(), { workerId: "w1", signal: signal() });
    expect(await prisma.job.findFirstOrThrow()).toMatchObject({ status: "DEAD", attempts: 1 });
  });

  it("takes each key's first job before any key's second, so a backlog starves no one", async () => {
    const prisma = t.database.prisma;
    const early = new Date(Date.now() - 60_000);
    await enqueueJobs(prisma, Array.from({ length: 50 }, (_, i) => ({ kind: "test.note", key: "import:big", payload: { i } })), early);
    await enqueueJob(prisma, { kind: "test.note", key: "email", payload: { late: true } });
    const claimed = await claimJobs(prisma, { workerId: "w1", now: new Date(), limit: 5, leaseMs: 60_000, kinds: ["test.note"] });
    expect(claimed).toHaveLength(5);
    expect(claimed.map((c) => c.key)).toContain("email");
  });

  it("claims only the kinds the worker can run", async () => {
    const prisma = t.database.prisma;
    await enqueueJob(prisma, { kind: "test.other", payload: {} });
    expect(await claimJobs(prisma, { workerId: "w1", now: new Date(), limit: 5, leaseMs: 60_000, kinds: ["test.note"] })).toEqual([]);
  });

  it("never gives one job to two workers claiming side by side, and takes over one whose worker died", async () => {
    const prisma = t.database.prisma;
    await enqueueJobs(prisma, Array.from({ length: 40 }, (_, i) => ({ kind: "test.note", key: `k${i % 7}`, payload: { i } })));
    const now = new Date();
    const claims = await Promise.all(["a", "b", "c", "d"].map((workerId) => claimJobs(prisma, { workerId, now, limit: 10, leaseMs: 60_000, kinds: ["test.note"] })));
    const ids = claims.flat().map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(0);

    // Worker "a" dies: its lease runs out and another worker takes its jobs over.
    const later = new Date(now.getTime() + 61_000);
    const takenOver = await claimJobs(prisma, { workerId: "e", now: later, limit: 40, leaseMs: 60_000, kinds: ["test.note"] });
    const fromA = takenOver.filter((c) => c.abandonedBy === "a");
    expect(fromA.length).toBe(claims[0]!.length);
    expect(fromA.every((c) => c.attempts === 2)).toBe(true);
  });
});
