import type { PrismaClient } from "../db/generated/client";
import { nextRunAt } from "./backoff";
import type { ClaimedJob } from "./claim-jobs";
import { PermanentJobError } from "./job-handler";

const ERROR_CHARS = 1_000;

/**
 * A try succeeded: the job is done, its input (which may hold personal data) is dropped, and its
 * dedupe key is freed for the next one. Only while this worker still holds the lease: a job taken
 * over by another worker is theirs to finish.
 */
export async function markJobSucceeded(prisma: Pick<PrismaClient, "$executeRaw">, job: ClaimedJob, workerId: string, now: Date): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "Job" SET "status" = 'SUCCEEDED', "payload" = '{}'::jsonb, "dedupeKey" = NULL, "finishedAt" = ${now}, "leaseUntil" = NULL, "lastError" = NULL, "updatedAt" = ${now}
    WHERE "id" = ${job.id} AND "status" = 'RUNNING' AND "leasedBy" = ${workerId}`;
}

/**
 * A try failed: the job waits for its next try (exponential backoff), or, after its last attempt
 * or a PermanentJobError, goes DEAD with a notice to admins, who can replay it.
 */
export async function markJobFailed(prisma: PrismaClient, job: ClaimedJob, workerId: string, now: Date, error: unknown): Promise<"retry" | "dead"> {
  const message = describe(error);
  const dead = error instanceof PermanentJobError || job.attempts >= job.maxAttempts;
  if (!dead) {
    await prisma.$executeRaw`
      UPDATE "Job" SET "status" = 'PENDING', "runAt" = ${nextRunAt(now, job.attempts)}, "leaseUntil" = NULL, "lastError" = ${message}, "updatedAt" = ${now}
      WHERE "id" = ${job.id} AND "status" = 'RUNNING' AND "leasedBy" = ${workerId}`;
    return "retry";
  }
  await prisma.$transaction(async (tx) => {
    const updated = await tx.$executeRaw`
      UPDATE "Job" SET "status" = 'DEAD', "finishedAt" = ${now}, "leaseUntil" = NULL, "lastError" = ${message}, "updatedAt" = ${now}
      WHERE "id" = ${job.id} AND "status" = 'RUNNING' AND "leasedBy" = ${workerId}`;
    if (updated === 1) await tx.adminNotice.create({ data: { kind: "job.dead", details: { jobId: job.id, kind: job.kind, attempts: job.attempts, error: message }, createdAt: now } });
  });
  return "dead";
}

function describe(error: unknown): string {
  const e = error as { name?: string; message?: string; code?: string };
  const text = e?.message ? `${e.code ? `${e.code}: ` : ""}${e.message}` : String(error);
  return text.slice(0, ERROR_CHARS);
}
