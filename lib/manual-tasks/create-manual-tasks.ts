import type { AuditInput } from "../audit/append-audit-entry";
import type { ManualTaskKind } from "../db/generated/enums";
import type { Tx } from "../db/types";
import { findHoldingManualSystems } from "./find-holding-manual-systems";
import { notifyTaskOwner } from "./notify-task-owner";

/**
 * Inside the request's change transaction: one task for each manual system that holds the
 * person, its owner emailed (queued in the same transaction). A system that already has a task
 * of this kind for the request gets no second one (a restriction and its lifting are two). An erasure calls this before the person's data goes, so
 * the task can carry their ids and the email their address. Answers the audit entries to append.
 */
export async function createManualTasks(tx: Tx, { request, kind, now }: { request: { id: string; personId: string }; kind: ManualTaskKind; now: Date }): Promise<AuditInput[]> {
  const systems = await findHoldingManualSystems(tx, request.personId);
  if (systems.length === 0) return [];
  const email = kind === "ERASURE" ? (await tx.person.findUnique({ where: { id: request.personId }, select: { email: true } }))?.email : null;
  const audit: AuditInput[] = [];
  for (const system of systems) {
    const existing = await tx.manualTask.findUnique({ where: { systemId_dataRequestId_kind: { systemId: system.id, dataRequestId: request.id, kind } }, select: { id: true } });
    if (existing) continue;
    const task = await tx.manualTask.create({
      data: { systemId: system.id, dataRequestId: request.id, personId: request.personId, kind, externalIds: system.externalIds, createdAt: now },
      select: { id: true },
    });
    await notifyTaskOwner(tx, { taskId: task.id, kind, system, externalIds: system.externalIds, email }, now);
    audit.push({
      action: "manual_task.created",
      personId: request.personId,
      target: `ManualTask:${task.id}`,
      details: { systemId: system.id, dataRequestId: request.id, kind },
    });
  }
  return audit;
}
