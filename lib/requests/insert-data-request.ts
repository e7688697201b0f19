import type { Actor } from "../audit/actor";
import type { AuditInput } from "../audit/append-audit-entry";
import type { DataRequestChannel, DataRequestStatus, DataRequestType } from "../db/generated/enums";
import type { Tx } from "../db/types";
import { assertPersonWritable } from "../persons/assert-person-writable";
import { appendRequestStep } from "./append-request-step";
import { dueDateFor } from "./due-date";

export interface NewDataRequest {
  actor: Actor;
  now: Date;
  personId: string;
  type: DataRequestType;
  channel: DataRequestChannel;
  status?: DataRequestStatus;
  /** When it arrived; defaults to now (a letter may have arrived earlier). The due date counts from it. */
  receivedAt?: Date;
  description?: string | null;
  organizationId?: string | null;
  purposeKeys?: string[];
  scheduledFor?: Date | null;
}

/**
 * Creates a request with its due date and its first timeline step, inside the caller's change
 * transaction (refusing an erased person); returns the request and its audit entry (ids and kinds only, never the text).
 */
export async function insertDataRequest(tx: Tx, input: NewDataRequest) {
  // Every request is about a person: none may be opened for an erased one.
  await assertPersonWritable(tx, input.personId);
  const receivedAt = input.receivedAt ?? input.now;
  const status = input.status ?? "RECEIVED";
  const request = await tx.dataRequest.create({
    data: {
      personId: input.personId,
      type: input.type,
      channel: input.channel,
      status,
      description: input.description ?? null,
      organizationId: input.organizationId ?? null,
      purposeKeys: input.purposeKeys ?? [],
      scheduledFor: input.scheduledFor ?? null,
      receivedAt,
      dueAt: dueDateFor(receivedAt),
    },
    select: { id: true, type: true, status: true, receivedAt: true, dueAt: true, scheduledFor: true },
  });
  await appendRequestStep(tx, { requestId: request.id, kind: "received", status, actor: input.actor, now: input.now });
  const audit: AuditInput = {
    action: "request.received",
    personId: input.personId,
    target: `DataRequest:${request.id}`,
    details: { type: input.type, channel: input.channel, status, ...(input.organizationId ? { organizationId: input.organizationId } : {}) },
  };
  return { request, audit };
}
