import type { Actor } from "../audit/actor";
import type { AuditInput } from "../audit/append-audit-entry";
import { runChange, type ChangeOptions } from "../changes/run-change";
import { AppError } from "../errors";
import { assertOfficer } from "../requests/assert-officer";
import { completeErasureInTransaction } from "../requests/complete-erasure";
import { parseOrThrow } from "../validation/parse-or-throw";
import { completeManualTaskSchema } from "./schemas";

/**
 * A privacy officer or admin marks a manual system's task done, with a note of what was done.
 * The person's ids in that system are dropped from the task. Done with the last open task of an
 * erasure whose connected systems have all acknowledged, the erasure completes in the same
 * transaction (its final email follows from the worker, as for acknowledgements).
 */
export async function completeManualTask({ actor, input }: { actor: Actor; input: unknown }, options?: ChangeOptions) {
  assertOfficer(actor);
  const { taskId, note } = parseOrThrow(completeManualTaskSchema, input, { what: "manual task input" });
  return runChange(
    actor,
    async (tx, now) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ManualTask" WHERE "id" = ${taskId} FOR UPDATE`;
      if (!locked[0]) throw new AppError("NOT_FOUND", "no such task", { userMessage: "notFound" });
      const task = await tx.manualTask.findUniqueOrThrow({ where: { id: taskId }, select: { status: true, kind: true, systemId: true, dataRequestId: true, personId: true } });
      if (task.status === "DONE") throw new AppError("CONFLICT", "task already done", { userMessage: "alreadyDone" });
      if (task.status !== "OPEN") throw new AppError("CONFLICT", "task no longer open", { userMessage: "notOpen" });
      await tx.manualTask.update({ where: { id: taskId }, data: { status: "DONE", note, doneAt: now, doneById: actor.id, externalIds: [] } });
      const audit: AuditInput[] = [
        { action: "manual_task.done", personId: task.personId, target: `ManualTask:${taskId}`, details: { systemId: task.systemId, dataRequestId: task.dataRequestId, kind: task.kind } },
      ];
      const completed = task.kind === "ERASURE" ? await completeErasureInTransaction(tx, { requestId: task.dataRequestId, actor, now }) : null;
      if (completed) audit.push(completed);
      return { result: { taskId, status: "DONE" as const, erasureCompleted: completed !== null }, audit };
    },
    options,
  );
}
