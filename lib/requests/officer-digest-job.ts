import { enqueueJob, type JobInput } from "../queue/enqueue-job";
import type { JobHandler } from "../queue/job-handler";
import { DIGEST_HOUR_UTC, sendOfficerDigest } from "./send-officer-digest";

export const DIGEST_JOB_KIND = "digest.officers";
const DAY_MS = 24 * 60 * 60 * 1000;

/** The first digest time (DIGEST_HOUR_UTC) after `now`: today's if it is still to come, else tomorrow's. */
export function nextDigestAt(now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR_UTC);
  return new Date(today > now.getTime() ? today : today + DAY_MS);
}

/** One digest a day: the dedupe key names the day, so every worker's "make sure one is queued" agrees. */
export function officerDigestJob(runAt: Date): JobInput {
  return { kind: DIGEST_JOB_KIND, dedupeKey: `${DIGEST_JOB_KIND}:${runAt.toISOString().slice(0, 10)}`, payload: {}, runAt, maxAttempts: 3 };
}

/**
 * Sends the officers' daily digest and queues tomorrow's. Tomorrow's goes first: a failed send is
 * retried, and sendOfficerDigest itself sends once a day whichever try or worker gets there.
 */
export const officerDigestJobHandler: JobHandler = {
  kind: DIGEST_JOB_KIND,
  async run(_job, { prisma, now }) {
    await enqueueJob(prisma, officerDigestJob(nextDigestAt(now)), now);
    await sendOfficerDigest(prisma, now);
  },
};
