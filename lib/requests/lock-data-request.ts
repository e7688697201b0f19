import type { Tx } from "../db/types";
import { AppError } from "../errors";

/**
 * Locks a request's row for the rest of the change transaction (two officers, or an officer and
 * the worker, act one after the other) and returns it. Refuses an unknown request, and one of
 * another person when `personId` is given.
 */
export async function lockDataRequest(tx: Tx, requestId: string, personId?: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "DataRequest" WHERE "id" = ${requestId} FOR UPDATE`;
  const request = rows[0] ? await tx.dataRequest.findUnique({ where: { id: requestId } }) : null;
  if (!request || (personId !== undefined && request.personId !== personId)) {
    throw new AppError("NOT_FOUND", "request not found", { userMessage: "requestNotFound" });
  }
  return request;
}
