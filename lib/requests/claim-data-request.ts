import type { DataRequestStatus, DataRequestType } from "../db/generated/enums";
import type { Tx } from "../db/types";

/**
 * Claims a request for the worker inside the caller's transaction: locks its row with
 * FOR UPDATE SKIP LOCKED, so several workers never take the same request, and re-reads it.
 * Null when another worker holds it or it is no longer of that type and status.
 */
export async function claimDataRequest(tx: Tx, requestId: string, type: DataRequestType, statuses: DataRequestStatus[]) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "DataRequest" WHERE "id" = ${requestId} FOR UPDATE SKIP LOCKED`;
  if (!rows[0]) return null;
  const request = await tx.dataRequest.findUnique({ where: { id: requestId } });
  return request && request.type === type && statuses.includes(request.status) ? request : null;
}
