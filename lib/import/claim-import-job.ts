import type { PrismaClient } from "../db/generated/client";

/** How long one file's transaction may run. */
export const IMPORT_TIMEOUT_MS = 30 * 60 * 1000;
/** A job is one transaction: its lease outlasts it, so no other worker starts the same file meanwhile. */
export const IMPORT_LEASE_MS = IMPORT_TIMEOUT_MS + 60 * 1000;

/**
 * Takes the oldest queued import (or the one named), or carries on with the one this worker
 * holds, or takes over one whose worker's lease ran out. Several workers never run the same job (SKIP LOCKED), nor
 * two runs of one file at once.
 */
export async function claimImportJob(prisma: PrismaClient, workerId: string, now: Date, importJobId: string | null = null): Promise<string | null> {
  // ISO text cast to timestamp: UTC like the columns, whatever the session's time zone.
  const at = now.toISOString();
  const until = new Date(now.getTime() + IMPORT_LEASE_MS).toISOString();
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "ImportJob" SET "status" = 'RUNNING', "leasedBy" = ${workerId}, "leaseUntil" = ${until}::timestamp,
           "startedAt" = coalesce("startedAt", ${at}::timestamp), "updatedAt" = ${at}::timestamp
    WHERE "id" = (
      SELECT "id" FROM "ImportJob" j
      WHERE (${importJobId}::text IS NULL OR "id" = ${importJobId})
        AND ("status" = 'QUEUED' OR ("status" = 'RUNNING' AND ("leasedBy" = ${workerId} OR "leaseUntil" < ${at}::timestamp)))
        -- One run per file at a time: a real run deletes the chunks another run would be reading.
        AND NOT EXISTS (
          SELECT 1 FROM "ImportJob" o
          WHERE o."fileId" = j."fileId" AND o."id" <> j."id" AND o."status" = 'RUNNING' AND o."leaseUntil" >= ${at}::timestamp
        )
      ORDER BY ("leasedBy" = ${workerId}) DESC NULLS LAST, "createdAt"
      LIMIT 1 FOR UPDATE SKIP LOCKED
    )
    RETURNING "id"`;
  return rows[0]?.id ?? null;
}
