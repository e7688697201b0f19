import type { Actor } from "../audit/actor";
import { runChange } from "../db/run-change";
import { AppError } from "../errors";
import { assertStaffRole } from "../staff/assert-staff-role";

/**
 * Stops a queued or running import after the batch in hand; rows already imported stay.
 * Audited as `import.cancelled`. ADMIN only.
 */
export async function cancelImportJob({ actor, jobId, now }: { actor: Actor; jobId: string; now?: Date }) {
  assertStaffRole(actor, "ADMIN");
  return runChange(
    actor,
    async (tx, at) => {
      const done = await tx.importJob.updateMany({ where: { id: jobId, status: { in: ["QUEUED", "RUNNING"] } }, data: { status: "CANCELLED", finishedAt: at, leasedBy: null, leaseUntil: null } });
      if (done.count === 0) throw new AppError("CONFLICT", "not running", { userMessage: "notCancellable" });
      return { result: { jobId }, audit: { action: "import.cancelled", target: `ImportJob:${jobId}` } };
    },
    { now },
  );
}
