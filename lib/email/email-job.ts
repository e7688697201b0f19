import { decryptSecret, DecryptionError } from "../crypto/encryption";
import { PermanentJobError, type JobHandler } from "../queue/job-handler";
import { EMAIL_JOB_KIND, SEALED_EMAIL_CONTEXT } from "./enqueue-email";
import { sendEmail, type EmailMessage } from "./send-email";

/** Sends a queued email; an SMTP failure is retried with the queue's backoff. */
export const emailJobHandler: JobHandler = {
  kind: EMAIL_JOB_KIND,
  async run(job) {
    let message: EmailMessage;
    try {
      message = JSON.parse(decryptSecret(String(job.payload.sealed), SEALED_EMAIL_CONTEXT)) as EmailMessage;
    } catch (error) {
      // ENCRYPTION_KEY changed: no retry opens it.
      if (error instanceof DecryptionError) throw new PermanentJobError("the queued email cannot be opened (ENCRYPTION_KEY changed?)");
      throw error;
    }
    await sendEmail(message);
  },
};
