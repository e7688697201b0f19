// Imports on the queue: starting an import queues its pass in the same change; the queue runs
// that import; a pass cut short by a stopping worker re-queues itself and a later pass finishes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPassJobHandler } from "@/lib/import/import-worker-job";
import { startImportJob } from "@/lib/import/start-import-job";
import { storeImportFile } from "@/lib/import/store-import-file";
import { IMPORT_TIMEOUT_MS } from "@/lib/import/claim-import-job";
import { claimJobs } from "@/lib/queue/claim-jobs";
import type { JobHandler } from "@/lib/queue/job-handler";
import { createQueueJob, defaultQueueSettings } from "@/lib/queue/run-queue";
import { createStaff } from "../../factories/staff";
import { runQueue } from "../../support/run-queue";
import { setupTestDatabase, type TestDatabase } from "../../support/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await setupTestDatabase();
});
afterAll(async () => t.drop());

const csv = (n: number) => ["email;nimi", ...Array.from({ length: n }, (_, i) => `queue-${i}-${crypto.randomUUID()}@example.test;Henkilö ${i}`)].join("\n") + "\n";

async function startImport(rows: number) {
  const admin = await createStaff(t.database.prisma, "ADMIN");
  const { fileId } = await storeImportFile({ actor: admin.actor, fileName: "queue.csv", body: [Buffer.from(csv(rows))] });
  return startImportJob({ actor: admin.actor, input: { fileId, dryRun: false, system: "crm", mapping: { fields: { email: "email", givenName: "nimi" } } } });
}

describe("imports on the queue", () => {
  it("queues the pass with the import and runs that import through the queue", async () => {
    const prisma = t.database.prisma;
    const { jobId } = await startImport(3);
    expect(await prisma.job.findUniqueOrThrow({ where: { dedupeKey: `import:${jobId}` } })).toMatchObject({ kind: "import.pass", status: "PENDING", payload: { importJobId: jobId } });
    await runQueue(prisma);
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "COMPLETED", createdRows: 3, committed: true });
    expect(await prisma.job.count({ where: { kind: "import.pass", status: { not: "SUCCEEDED" } } })).toBe(0);
  });

  it("re-queues a pass cut short by a stopping worker; the next pass finishes the import", async () => {
    const prisma = t.database.prisma;
    const { jobId } = await startImport(2);
    const now = new Date();
    const [claimed] = await claimJobs(prisma, { workerId: "stopping", now, limit: 1, leaseMs: 60_000, kinds: ["import.pass"] });
    const stopping = new AbortController();
    stopping.abort();
    await importPassJobHandler.run(claimed!, { prisma, now, workerId: "stopping", signal: stopping.signal });
    // Rolled back and waiting again, with a pass of its own queued shortly after.
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "QUEUED", createdRows: 0 });
    const again = await prisma.job.findFirstOrThrow({ where: { kind: "import.pass", status: "PENDING" } });
    expect(again.payload).toEqual({ importJobId: jobId });
    expect(again.runAt.getTime()).toBeGreaterThan(now.getTime());

    await runQueue(prisma, again.runAt, "next-worker");
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "COMPLETED", createdRows: 2 });
  });

  it("leases a claimed import past its transaction's timeout, so no other worker takes it over mid-pass", async () => {
    const prisma = t.database.prisma;
    const { jobId } = await startImport(1);
    const now = new Date();
    let leaseUntil: Date | null = null;
    // The real handler's kind and lease, watching its own job's lease while it runs.
    const watching: JobHandler = {
      ...importPassJobHandler,
      async run(job, context) {
        leaseUntil = (await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).leaseUntil;
        await importPassJobHandler.run(job, context);
      },
    };
    await createQueueJob([watching], defaultQueueSettings).run(prisma, now, { workerId: "long", signal: new AbortController().signal });
    expect(leaseUntil!.getTime()).toBeGreaterThan(now.getTime() + IMPORT_TIMEOUT_MS);
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "COMPLETED" });

    // Other kinds claimed alongside keep the common lease.
    await prisma.job.create({ data: { kind: "test.short", key: "short", payload: {}, runAt: now } });
    const [short] = await claimJobs(prisma, { workerId: "w", now, limit: 1, leaseMs: 60_000, leaseMsByKind: { "import.pass": IMPORT_TIMEOUT_MS * 2 }, kinds: ["test.short"] });
    expect((await prisma.job.findUniqueOrThrow({ where: { id: short!.id } })).leaseUntil).toEqual(new Date(now.getTime() + 60_000));
  });
});
