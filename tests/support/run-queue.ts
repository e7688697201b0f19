// Runs the worker's queue in a test, with every registered handler, until nothing is due.
import type { PrismaClient } from "@/lib/db/generated/client";
import { EMAIL_JOB_KIND } from "@/lib/email/enqueue-email";
import { emailJobHandler } from "@/lib/email/email-job";
import { createQueueJob } from "@/lib/queue/run-queue";
import { jobHandlers } from "@/lib/worker/jobs";

/**
 * Passes at `now` until no job is due, jobs queued by the passes for `now` included (bounded, so
 * a job that keeps re-queuing itself at once cannot loop forever).
 */
export async function runQueue(prisma: PrismaClient, now = new Date(), workerId = "test-worker", maxPasses = 20): Promise<void> {
  const queue = createQueueJob(jobHandlers, { batch: 16, concurrency: 4, leaseMs: 5 * 60_000 });
  for (let i = 0; i < maxPasses; i++) {
    await queue.run(prisma, now, { workerId, signal: new AbortController().signal });
    const due = await prisma.job.count({ where: { kind: { in: jobHandlers.map((h) => h.kind) }, status: "PENDING", runAt: { lte: now } } });
    if (due === 0) return;
  }
}

/** Passes of the email jobs only, at `now` (e.g. a far-future digest time, where other kinds' jobs must not run). */
export async function runEmailQueue(prisma: PrismaClient, now = new Date()): Promise<void> {
  const queue = createQueueJob([emailJobHandler], { batch: 16, concurrency: 4, leaseMs: 5 * 60_000 });
  for (let i = 0; i < 20; i++) {
    await queue.run(prisma, now, { workerId: "test-worker", signal: new AbortController().signal });
    if ((await prisma.job.count({ where: { kind: EMAIL_JOB_KIND, status: "PENDING", runAt: { lte: now } } })) === 0) return;
  }
}
