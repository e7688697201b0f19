import type { Actor } from "../audit/actor";
import type { DataRequestStatus } from "../db/generated/enums";
import type { Tx } from "../db/types";

export interface RequestStepInput {
  requestId: string;
  /** What happened: "received", "approved", "extended", "erased", "acknowledged", … */
  kind: string;
  actor: Actor;
  now: Date;
  /** The request's new status, when the step changes it (the caller updates the request). */
  status?: DataRequestStatus;
  /** A reason sent to the person, or (internal) an officer's note. */
  note?: string | null;
  /** Internal steps are shown to officers only. */
  internal?: boolean;
}

/** Adds one step to a request's timeline, inside the caller's change transaction. */
export async function appendRequestStep(tx: Tx, input: RequestStepInput) {
  return tx.dataRequestStep.create({
    data: {
      requestId: input.requestId,
      at: input.now,
      kind: input.kind,
      status: input.status ?? null,
      actorKind: input.actor.kind,
      actorId: input.actor.id,
      internal: input.internal ?? false,
      note: input.note ?? null,
    },
    select: { id: true },
  });
}
