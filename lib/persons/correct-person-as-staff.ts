import type { Actor } from "../audit/actor";
import { AppError } from "../errors";
import { assertStaffRole } from "../staff/assert-staff-role";
import { correctPerson } from "./correct-person";
import { staffCorrectionReasonSchema } from "./schemas";

/**
 * A support agent corrects a person's data on their behalf (e.g. during a call), with a reason
 * the person later reads on their Activity page. Source STAFF; propagated like any correction.
 */
export async function correctPersonAsStaff({ actor, personId, input, reason }: { actor: Actor; personId: string; input: unknown; reason: unknown }) {
  assertStaffRole(actor, "SUPPORT");
  const parsedReason = staffCorrectionReasonSchema.safeParse(reason);
  if (!parsedReason.success) throw new AppError("VALIDATION", "reason required", { fields: { reason: parsedReason.error.issues[0]!.message } });
  return correctPerson({ actor, personId, input, source: "STAFF", reason: parsedReason.data });
}
