import { z } from "zod";
import type { Actor } from "../audit/actor";
import { AppError } from "../errors";
import { assertStaffRole } from "../staff/assert-staff-role";
import { parseOrThrow } from "../validation/parse-or-throw";
import { correctPerson } from "./correct-person";
import { getRecentPersonView } from "./get-recent-person-view";
import { staffCorrectionReasonSchema } from "./schemas";

const reasonInput = z.object({ reason: staffCorrectionReasonSchema });

/**
 * A support agent corrects a person's data on their behalf (e.g. during a call), with a reason
 * the person later reads on their Activity page. Source STAFF; propagated like any correction.
 * Only after the same staff member opened the record with a stated reason (`person.viewed`
 * within PERSON_VIEW_WINDOW_MS): the gate the record page shows holds for every caller, so a
 * posted action cannot write to a record nobody looked at.
 */
export async function correctPersonAsStaff({ actor, personId, input, reason, now }: { actor: Actor; personId: string; input: unknown; reason: unknown; now?: Date }) {
  assertStaffRole(actor, "SUPPORT");
  const parsed = parseOrThrow(reasonInput, { reason }, { userMessage: "invalid", what: "correction reason" });
  if (!(await getRecentPersonView({ userId: actor.id, personId, now }))) {
    throw new AppError("FORBIDDEN", "open the record with a reason first", { userMessage: "viewFirst" });
  }
  return correctPerson({ actor, personId, input, source: "STAFF", reason: parsed.reason }, { now });
}
