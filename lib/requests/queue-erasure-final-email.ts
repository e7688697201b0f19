import { decryptSecret } from "../crypto/encryption";
import type { DataRequest } from "../db/generated/client";
import type { Tx } from "../db/types";
import type { JobInput } from "../queue/enqueue-job";
import { notifyEmailContext } from "./erase-person";
import { requestEmailJobs } from "./render-request-email";

/**
 * The final email of an erasure that completes in the caller's transaction: the address the
 * person had, kept sealed on the request only for this, moves into the queued email (sealed
 * there too) and is forgotten by the request in the same transaction. Not tied to a person id:
 * the person is gone, and the email must still go.
 */
export async function queueErasureFinalEmail(tx: Tx, request: Pick<DataRequest, "id" | "sealedNotifyEmail" | "notifyLocale">): Promise<JobInput[]> {
  if (!request.sealedNotifyEmail) return [];
  const to = decryptSecret(request.sealedNotifyEmail, notifyEmailContext(request.id));
  await tx.dataRequest.update({ where: { id: request.id }, data: { sealedNotifyEmail: null, notifyLocale: null } });
  return requestEmailJobs({ to, language: request.notifyLocale, kind: "erasureCompleted", requestType: "ERASURE" }, null);
}
