import type { Actor } from "../audit/actor";
import type { AuditInput } from "../audit/append-audit-entry";
import type { DataRequestType, ManualTaskKind } from "../db/generated/enums";
import type { Prisma } from "../db/generated/client";
import type { Tx } from "../db/types";
import { cancelManualTasks } from "../manual-tasks/cancel-manual-tasks";
import { appendRequestStep } from "./append-request-step";

export interface CloseRequestInput {
  request: { id: string; personId: string; type: DataRequestType };
  status: "COMPLETED" | "DENIED" | "CANCELLED";
  /** The timeline step, e.g. "completed", "denied", "cancelled", "closed_by_erasure". */
  step: string;
  actor: Actor;
  now: Date;
  note?: string | null;
  internal?: boolean;
  /** Other fields the closing sets (a decision reason, a cleared confirmation token). */
  data?: Prisma.DataRequestUpdateInput;
  /** The person is being erased: every open task of the request is moot. */
  byErasure?: boolean;
}

/**
 * Every way a request closes goes through here, inside its change transaction: the status, the
 * time it closed and the step on its timeline. Its manual systems' open tasks that no longer
 * stand are cancelled in the same transaction, each owner emailed that it is no longer needed: an
 * erasure's tasks whenever the erasure closes with them open (cancelled, denied, or completed by
 * an officer without them), and any task of a request cancelled or denied — but a restriction's
 * task while the person is still restricted, and a lifted restriction's task, which still stand.
 * A request fulfilled keeps its tasks. Answers the audit entries to append.
 */
export async function closeDataRequest(tx: Tx, input: CloseRequestInput): Promise<AuditInput[]> {
  const { request, status, actor, now } = input;
  await tx.dataRequest.update({ where: { id: request.id }, data: { ...input.data, status, closedAt: now } });
  await appendRequestStep(tx, { requestId: request.id, kind: input.step, status, actor, now, note: input.note ?? null, internal: input.internal ?? false });
  if (status === "COMPLETED" && request.type !== "ERASURE") return [];
  return cancelManualTasks(tx, { requestId: request.id, now, keep: input.byErasure ? [] : await standingKinds(tx, request.personId) });
}

/** The kinds of task whose change stands whatever becomes of the request. */
async function standingKinds(tx: Tx, personId: string): Promise<ManualTaskKind[]> {
  const person = await tx.person.findUnique({ where: { id: personId }, select: { restrictedAt: true } });
  return person?.restrictedAt ? ["RESTRICTION", "RESTRICTION_LIFTED"] : ["RESTRICTION_LIFTED"];
}
