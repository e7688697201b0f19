import type { Actor } from "../audit/actor";
import { runChange, type ChangeOptions } from "../changes/run-change";
import { appendRequestStep } from "./append-request-step";
import { assertOfficer } from "./assert-officer";
import { lockDataRequest } from "./lock-data-request";
import { noteSchema } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";

/** An internal note on a request: seen by officers only, never sent to the person. */
export async function addRequestNote({ actor, input }: { actor: Actor; input: unknown }, options?: ChangeOptions) {
  assertOfficer(actor);
  const { requestId, note } = parseOrThrow(noteSchema, input, { what: "request input" });
  return runChange(
    actor,
    async (tx, now) => {
      const request = await lockDataRequest(tx, requestId);
      const step = await appendRequestStep(tx, { requestId, kind: "note", actor, now, note, internal: true });
      // The trail records that a note was written, not what it says.
      return { result: { stepId: step.id }, audit: { action: "request.noted", personId: request.personId, target: `DataRequest:${requestId}`, details: { stepId: step.id } } };
    },
    options,
  );
}
