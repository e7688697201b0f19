// Housekeeping on the queue: export expiry, the sweep of abandoned import files and the purge of
// old idempotency answers are self-scheduling queue jobs. A starting worker makes sure each is
// queued (any number of workers queue the same ones); each run does its work and queues the next.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeImportFile } from "@/lib/import/store-import-file";
import { jobKindLabelKey } from "@/lib/queue/job-kind-label";
import { recurringJobHandler, type RecurringJob } from "@/lib/queue/recurring-job";
import { createQueueJob } from "@/lib/queue/run-queue";
import { requestDataExport } from "@/lib/requests/request-data-export";
import { ensureRecurringJobs, workerJobs } from "@/lib/worker/jobs";
import { createPublishedPurpose } from "../../factories/purposes";
import { createFullPerson } from "../../factories/requests";
import { createStaff } from "../../factories/staff";
import { createSystem } from "../../factories/systems";
import { runQueue } from "../../support/run-queue";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => t.drop());

const KINDS = ["exports.expire", "import.sweep", "api.idempotency-purge", "search.person-names-sweep"];
const DAY = 24 * 60 * 60 * 1000;

describe("housekeeping on the queue", () => {
  it("the worker runs only the audit sequencer, the webhooks, the queue and the making sure of recurring jobs", () => {
    // The sequencer is a loop of its own, not a queued job: it seals what every change wrote, every second.
    expect(workerJobs.map((job) => job.name).filter((name) => !name.startsWith("propagation."))).toEqual(["audit.sequence", "queue", "queue.ensure-recurring"]);
    for (const kind of KINDS) expect(jobKindLabelKey(kind)).not.toBe("kinds.other");
  });

  it("is queued once however many workers start; each run does its work and queues its next slot", async () => {
    const prisma = t.database.prisma;
    // The data to tidy: an export, an abandoned upload, an old idempotency answer, a name no one holds.
    const purposeKey = await createPublishedPurpose();
    const { person, actor } = await createFullPerson(prisma, purposeKey, "housekeeping");
    const asked = await requestDataExport({ actor, personId: person.id });
    await runQueue(prisma);
    expect(await prisma.dataExport.findUniqueOrThrow({ where: { id: asked.exportId } })).toMatchObject({ status: "READY" });
    const admin = await createStaff(prisma, "ADMIN");
    const { fileId } = await storeImportFile({ actor: admin.actor, fileName: "old.csv", body: [Buffer.from("email\nold@example.test\n")] });
    const system = await createSystem();
    await prisma.idempotencyRecord.create({ data: { systemId: system.id, key: "old", requestHash: "h", status: 200, responseBody: "{}", expiresAt: new Date(Date.now() + DAY) } });
    await prisma.$executeRaw`INSERT INTO "PersonName" ("name") VALUES ('Nobody Holds-This')`;

    // Some weeks on, workers start.
    const start = new Date(Date.now() + 30 * DAY);
    await prisma.importFile.update({ where: { id: fileId }, data: { createdAt: new Date(start.getTime() - 2 * DAY) } });
    await Promise.all([ensureRecurringJobs(prisma, start), ensureRecurringJobs(prisma, start), ensureRecurringJobs(prisma, start)]);
    const queued = await prisma.job.findMany({ where: { kind: { in: KINDS } }, orderBy: { kind: "asc" } });
    expect(queued.map((job) => [job.kind, job.status])).toEqual([
      ["api.idempotency-purge", "PENDING"],
      ["exports.expire", "PENDING"],
      ["import.sweep", "PENDING"],
      ["search.person-names-sweep", "PENDING"],
    ]);
    for (const job of queued) expect(job.dedupeKey).toBe(`${job.kind}:${job.runAt.toISOString()}`);
    const hourly = queued[0]!.runAt;
    expect(hourly.getTime() % (60 * 60_000)).toBe(0);
    expect(hourly.getTime()).toBeGreaterThan(start.getTime());

    // At the hourly slot every one of them is due: each runs once.
    await runQueue(prisma, hourly);
    expect(await prisma.job.count({ where: { id: { in: queued.map((job) => job.id) }, status: "SUCCEEDED" } })).toBe(4);
    expect(await prisma.dataExport.findUniqueOrThrow({ where: { id: asked.exportId } })).toMatchObject({ status: "EXPIRED", content: null });
    expect(await prisma.importFileChunk.count({ where: { fileId } })).toBe(0);
    expect(await prisma.idempotencyRecord.count({ where: { systemId: system.id } })).toBe(0);
    expect(await prisma.$queryRaw`SELECT "name" FROM "PersonName" WHERE "name" = 'Nobody Holds-This'`).toEqual([]);

    // And each queued its own successor in its next slot.
    const next = await prisma.job.findMany({ where: { kind: { in: KINDS }, status: "PENDING" }, orderBy: { kind: "asc" } });
    expect(next.map((job) => [job.kind, job.runAt.getTime() - hourly.getTime()])).toEqual([
      ["api.idempotency-purge", 60 * 60_000],
      ["exports.expire", 60_000],
      ["import.sweep", 10 * 60_000],
      ["search.person-names-sweep", 10 * 60_000],
    ]);
    // A worker starting now finds them queued.
    await ensureRecurringJobs(prisma, hourly);
    expect(await prisma.job.count({ where: { kind: { in: KINDS }, status: "PENDING" } })).toBe(4);
  });

  it("a run that keeps failing queues its next slot before it is left dead, so the chain goes on", async () => {
    const prisma = t.database.prisma;
    const failing: RecurringJob = { kind: "test.housekeeping", everyMs: 60_000, run: () => Promise.reject(new Error("disk full")) };
    const queue = createQueueJob([recurringJobHandler(failing)], { batch: 4, concurrency: 1, leaseMs: 60_000 });
    const at = new Date(Date.UTC(2033, 0, 1, 12, 0, 0));
    await prisma.job.create({ data: { kind: failing.kind, key: failing.kind, dedupeKey: `${failing.kind}:${at.toISOString()}`, payload: {}, runAt: at, maxAttempts: 2 } });
    await queue.run(prisma, at, { workerId: "w", signal: new AbortController().signal });
    // The first try failed and waits for its retry: no successor yet.
    expect(await prisma.job.count({ where: { kind: failing.kind } })).toBe(1);
    const retry = await prisma.job.findFirstOrThrow({ where: { kind: failing.kind } });
    await queue.run(prisma, retry.runAt, { workerId: "w", signal: new AbortController().signal });
    const jobs = await prisma.job.findMany({ where: { kind: failing.kind }, orderBy: { runAt: "asc" } });
    expect(jobs.map((job) => job.status)).toEqual(["DEAD", "PENDING"]);
    expect(jobs[1]!.runAt).toEqual(new Date(at.getTime() + 60_000));
  });
});
