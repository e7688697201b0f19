import { encryptSecret } from "../crypto/encryption";
import type { Tx } from "../db/types";
import { enqueueJob, type JobInput } from "../queue/enqueue-job";
import type { EmailMessage } from "./send-email";

export const EMAIL_JOB_KIND = "email.send";
/** Tries of one email: with the queue's backoff (doubling up to an hour) an SMTP outage of over a day loses nothing; after that it is DEAD, to be replayed. */
export const EMAIL_MAX_ATTEMPTS = 36;
/** Authenticated with the sealed message, so a value copied from another column does not open as an email. */
export const SEALED_EMAIL_CONTEXT = "Job:email.send";

export interface QueuedEmail extends EmailMessage {
  /** The person the email is about: erasing them deletes it while it is still queued. Null for staff and owners' mail. */
  personId?: string | null;
}

/**
 * Queues an email in the caller's transaction: it is sent (and retried while SMTP is down) if and
 * only if the change commits. Address and content are sealed with ENCRYPTION_KEY while queued and
 * dropped once sent.
 */
export async function enqueueEmail(tx: Pick<Tx, "$queryRaw">, email: QueuedEmail, now = new Date()): Promise<void> {
  await enqueueJob(tx, queuedEmail(email), now);
}

/** The job that sends this email, for a change to return in its `jobs` (runChange queues them). */
export function queuedEmail({ personId, ...message }: QueuedEmail): JobInput {
  const sealed = encryptSecret(JSON.stringify(message), SEALED_EMAIL_CONTEXT);
  return { kind: EMAIL_JOB_KIND, key: EMAIL_JOB_KIND, personId: personId ?? null, payload: { sealed }, maxAttempts: EMAIL_MAX_ATTEMPTS };
}
