import type { AuditInput } from "../audit/append-audit-entry";
import type { ManualTaskKind } from "../db/generated/enums";
import type { Tx } from "../db/types";
import { notifyTaskCancelled } from "./notify-task-owner";

/**
 * Inside the change transaction that closes a request: its open tasks (but those of the kinds in
 * `keep`) become CANCELLED, the person's ids are dropped from them, and each owner is emailed
 * that the task is no longer needed. Answers the audit entries to append.
 */
export async function cancelManualTasks(tx: Tx, { requestId, now, keep = [] }: { requestId: string; now: Date; keep?: ManualTaskKind[] }): Promise<AuditInput[]> {
  const open = await tx.manualTask.findMany({
    where: { dataRequestId: requestId, status: "OPEN", kind: { notIn: keep } },
    select: { id: true, kind: true, personId: true, system: { select: { id: true, name: true, ownerEmail: true, manualInstructions: true } } },
    orderBy: { id: "asc" },
  });
  const audit: AuditInput[] = [];
  for (const task of open) {
    const { count } = await tx.manualTask.updateMany({ where: { id: task.id, status: "OPEN" }, data: { status: "CANCELLED", doneAt: now, externalIds: [] } });
    if (count === 0) continue;
    await notifyTaskCancelled(tx, { taskId: task.id, kind: task.kind, system: task.system }, now);
    audit.push({ action: "manual_task.cancelled", personId: task.personId, target: `ManualTask:${task.id}`, details: { systemId: task.system.id, dataRequestId: requestId, kind: task.kind } });
  }
  return audit;
}
