import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { isStorableText } from "../db/is-storable-text";
import { assertOfficer } from "../requests/assert-officer";

/**
 * One task for its page: what the owner is asked to do (the system's instructions), the person's
 * ids in that system while the task is open, and who marked it done with what note. Privacy
 * officers and admins.
 */
export async function getManualTask({ actor, taskId }: { actor: Actor; taskId: string }) {
  assertOfficer(actor);
  // An id from the address bar that no row can have (e.g. a NUL) finds nothing.
  if (taskId.length > 64 || !isStorableText(taskId)) return null;
  const prisma = await db();
  const task = await prisma.manualTask.findUnique({
    where: { id: taskId },
    select: {
      id: true, kind: true, status: true, externalIds: true, note: true, doneAt: true, doneById: true, createdAt: true, personId: true, dataRequestId: true,
      system: { select: { id: true, name: true, manualInstructions: true } },
      request: { select: { type: true, status: true, person: { select: { erasedAt: true } } } },
    },
  });
  if (!task) return null;
  const doneBy = task.doneById ? await prisma.user.findUnique({ where: { id: task.doneById }, select: { email: true } }) : null;
  return { ...task, doneBy: doneBy?.email ?? null };
}

export type ManualTaskView = NonNullable<Awaited<ReturnType<typeof getManualTask>>>;
