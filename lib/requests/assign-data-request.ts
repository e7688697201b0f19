import type { Actor } from "../audit/actor";
import { hasRole } from "../auth/roles";
import { runChange, type ChangeOptions } from "../changes/run-change";
import { AppError } from "../errors";
import { appendRequestStep } from "./append-request-step";
import { assertOfficer } from "./assert-officer";
import { lockDataRequest } from "./lock-data-request";
import { assignSchema } from "./schemas";
import { parseOrThrow } from "../validation/parse-or-throw";

/** Assigns a request to a privacy officer (or an admin), or unassigns it with null. */
export async function assignDataRequest({ actor, input }: { actor: Actor; input: unknown }, options?: ChangeOptions) {
  assertOfficer(actor);
  const { requestId, assigneeId } = parseOrThrow(assignSchema, input, { what: "request input" });
  return runChange(
    actor,
    async (tx, now) => {
      const request = await lockDataRequest(tx, requestId);
      if (assigneeId) {
        const user = await tx.user.findUnique({ where: { id: assigneeId }, select: { role: true } });
        if (!user || !hasRole(user.role, "PRIVACY_OFFICER")) throw new AppError("VALIDATION", "not an officer", { fields: { assigneeId: "notAnOfficer" } });
      }
      await tx.dataRequest.update({ where: { id: requestId }, data: { assigneeId } });
      await appendRequestStep(tx, { requestId, kind: assigneeId ? "assigned" : "unassigned", actor, now, internal: true });
      return {
        result: { requestId, assigneeId },
        audit: { action: "request.assigned", personId: request.personId, target: `DataRequest:${requestId}`, details: { assigneeId } },
      };
    },
    options,
  );
}
