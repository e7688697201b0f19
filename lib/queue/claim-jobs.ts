import { Prisma, type PrismaClient } from "../db/generated/client";

export interface ClaimedJob {
  id: string;
  kind: string;
  key: string;
  personId: string | null;
  payload: Record<string, unknown>;
  /** Tries including this one. */
  attempts: number;
  maxAttempts: number;
  /** Set when this claim took over from a worker whose lease ran out (it died mid-job). */
  abandonedBy: string | null;
}

/**
 * Claims due jobs for one worker: PENDING ones whose time has come and RUNNING ones whose lease
 * ran out. Fair: among the oldest due jobs it takes each key's first before any key's second, so
 * a key with a backlog (an import, a burst of emails) never starves the others; FOR UPDATE SKIP
 * LOCKED lets workers claim side by side without waiting for or doubling each other.
 * `kinds` limits the claim to the kinds this worker can run. `leaseMsByKind` gives a kind whose try
 * may outlast `leaseMs` (an import's one long transaction) a lease of its own, so no other worker
 * takes it over while it still runs.
 */
export async function claimJobs(
  prisma: Pick<PrismaClient, "$queryRaw">,
  { workerId, now, limit, leaseMs, kinds, leaseMsByKind = {} }: { workerId: string; now: Date; limit: number; leaseMs: number; kinds: string[]; leaseMsByKind?: Record<string, number> },
): Promise<ClaimedJob[]> {
  if (kinds.length === 0) return [];
  const leaseUntil = leaseUntilOf(now, leaseMs, leaseMsByKind);
  return prisma.$queryRaw<ClaimedJob[]>`
    WITH due AS (
      SELECT "id", "key", "runAt" FROM "Job"
      WHERE "kind" = ANY(${kinds}) AND (("status" = 'PENDING' AND "runAt" <= ${now}) OR ("status" = 'RUNNING' AND "leaseUntil" < ${now}))
      ORDER BY "runAt"
      LIMIT ${limit * 20}
    ), ranked AS (
      SELECT "id", "runAt", row_number() OVER (PARTITION BY "key" ORDER BY "runAt", "id") AS "turn" FROM due
    ), picked AS (
      SELECT j."id", j."status" AS "previousStatus", j."leasedBy" AS "previousLeasedBy"
      FROM "Job" j JOIN ranked r ON r."id" = j."id"
      WHERE ((j."status" = 'PENDING' AND j."runAt" <= ${now}) OR (j."status" = 'RUNNING' AND j."leaseUntil" < ${now}))
      ORDER BY r."turn", r."runAt"
      LIMIT ${limit}
      FOR UPDATE OF j SKIP LOCKED
    )
    UPDATE "Job" AS j
    SET "status" = 'RUNNING', "leaseUntil" = ${leaseUntil}, "leasedBy" = ${workerId}, "attempts" = j."attempts" + 1, "updatedAt" = ${now}
    FROM picked
    WHERE j."id" = picked."id"
    RETURNING j."id", j."kind", j."key", j."personId", j."payload", j."attempts", j."maxAttempts",
      CASE WHEN picked."previousStatus" = 'RUNNING' THEN picked."previousLeasedBy" END AS "abandonedBy"`;
}

/** The lease's end for the claimed row: the kind's own lease when it has one, else the common one. */
function leaseUntilOf(now: Date, leaseMs: number, leaseMsByKind: Record<string, number>): Prisma.Sql {
  const own = Object.entries(leaseMsByKind);
  if (own.length === 0) return Prisma.sql`${new Date(now.getTime() + leaseMs)}`;
  // Inside CASE a parameter's type is not inferred from the column: cast the UTC time.
  const until = (ms: number) => Prisma.sql`${new Date(now.getTime() + ms).toISOString()}::timestamp`;
  const cases = own.map(([kind, ms]) => Prisma.sql`WHEN ${kind} THEN ${until(ms)}`);
  return Prisma.sql`CASE j."kind" ${Prisma.join(cases, " ")} ELSE ${until(leaseMs)} END`;
}
