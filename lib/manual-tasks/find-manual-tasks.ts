import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import type { ManualTaskStatus } from "../db/generated/enums";
import { assertStaffRole } from "../staff/assert-staff-role";

export interface ManualTaskFilter {
  status?: ManualTaskStatus;
  dataRequestId?: string;
  personId?: string;
}

/** What a list of tasks shows: names and states only (no ids in the owner's system). */
export const manualTaskItemSelect = {
  id: true, kind: true, status: true, createdAt: true, doneAt: true, dataRequestId: true, personId: true,
  system: { select: { id: true, name: true } },
  request: { select: { type: true, status: true } },
} as const;

/**
 * Manual systems' tasks, oldest first: the open-task list, a request's propagation, a person's
 * page. SUPPORT and up.
 */
export async function findManualTasks({ actor, filter = {}, take = 200 }: { actor: Actor; filter?: ManualTaskFilter; take?: number }) {
  assertStaffRole(actor, "SUPPORT");
  const prisma = await db();
  return prisma.manualTask.findMany({
    where: filter,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take,
    select: manualTaskItemSelect,
  });
}

export type ManualTaskItem = Awaited<ReturnType<typeof findManualTasks>>[number];
