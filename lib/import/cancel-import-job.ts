import type { Actor } from "../audit/actor";
import { runChange } from "../changes/run-change";
import { AppError } from "../errors";
import { assertStaffRole } from "../staff/assert-staff-role";

/**
 * Stops a queued or running import. A running one is one transaction, so nothing of it is kept
 * (the worker rolls it back when it sees the cancellation). A real run's stored chunks are
 * deleted, so the file's personal data does not linger. Audited as `import.cancelled`. ADMIN only.
 */
export async function cancelImportJob({ actor, jobId, now }: { actor: Actor; jobId: string; now?: Date }) {
  assertStaffRole(actor, "ADMIN");
  return runChange(
    actor,
    async (tx, at) => {
      const done = await tx.importJob.updateMany({ where: { id: jobId, status: { in: ["QUEUED", "RUNNING"] } }, data: { status: "CANCELLED", finishedAt: at, leasedBy: null, leaseUntil: null } });
      if (done.count === 0) throw new AppError("CONFLICT", "not running", { userMessage: "notCancellable" });
      const job = await tx.importJob.findUniqueOrThrow({ where: { id: jobId }, select: { dryRun: true, fileId: true } });
      if (!job.dryRun) await tx.importFileChunk.deleteMany({ where: { fileId: job.fileId } });
      return { result: { jobId }, audit: { action: "import.cancelled", target: `ImportJob:${jobId}` } };
    },
    { now },
  );
}
