import type { Prisma } from "../db/generated/client";
import { generateUuid7 } from "../db/generate-uuid7";
import type { Tx } from "../db/types";

export interface JobInput {
  /** The handler that runs it, e.g. "email.send". */
  kind: string;
  payload: Prisma.InputJsonObject;
  /** Jobs of one key are taken in turn with other keys' (default: the kind). */
  key?: string;
  /** At most one pending or running job per dedupe key: a second enqueue is dropped. */
  dedupeKey?: string;
  /** The person it is about: an erasure deletes what is still queued for them. */
  personId?: string | null;
  /** Not before (default: now). */
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * Queues side effects in the caller's transaction, so they run if and only if the change
 * commits. Answers the ids of the jobs queued (a dropped duplicate has none).
 */
export async function enqueueJobs(tx: Pick<Tx, "$queryRaw">, jobs: JobInput[], now = new Date()): Promise<string[]> {
  if (jobs.length === 0) return [];
  const rows = jobs.map((job) => ({
    id: generateUuid7(now.getTime()),
    kind: job.kind,
    key: job.key ?? job.kind,
    dedupeKey: job.dedupeKey ?? null,
    personId: job.personId ?? null,
    payload: job.payload,
    maxAttempts: job.maxAttempts ?? 8,
    runAt: (job.runAt ?? now).toISOString(),
  }));
  const at = now.toISOString();
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Job" ("id", "kind", "key", "dedupeKey", "personId", "payload", "maxAttempts", "runAt", "createdAt", "updatedAt")
    SELECT v."id", v."kind", v."key", v."dedupeKey", v."personId", v."payload", v."maxAttempts", v."runAt"::timestamp(3), ${at}::timestamp(3), ${at}::timestamp(3)
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v("id" text, "kind" text, "key" text, "dedupeKey" text, "personId" text, "payload" jsonb, "maxAttempts" int, "runAt" text)
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING "id"`;
  return inserted.map((row) => row.id);
}

/** Queues one side effect; see enqueueJobs. Answers its id, or null when a duplicate was dropped. */
export async function enqueueJob(tx: Pick<Tx, "$queryRaw">, job: JobInput, now = new Date()): Promise<string | null> {
  const [id] = await enqueueJobs(tx, [job], now);
  return id ?? null;
}
