import { z } from "zod";
import type { Actor } from "../audit/actor";
import { runChange, type ChangeOptions } from "../changes/run-change";
import { AppError } from "../errors";
import { assertStaffRole } from "../staff/assert-staff-role";
import { parseOrThrow } from "../validation/parse-or-throw";

export const replayDeadJobSchema = z.object({ jobId: z.string({ error: "required" }).min(1, { error: "required" }).max(64, { error: "invalid" }) });

/**
 * An admin sends a dead job round again once its cause is mended: it is due now with all its
 * attempts ahead of it, and the notice that announced its death is resolved. Audited as
 * `job.replayed`. ADMIN only; only a DEAD job (a replayed one is already on its way).
 */
export async function replayDeadJob({ actor, input }: { actor: Actor; input: unknown }, options?: ChangeOptions) {
  assertStaffRole(actor, "ADMIN");
  const { jobId } = parseOrThrow(replayDeadJobSchema, input, { what: "job" });
  return runChange(
    actor,
    async (tx, now) => {
      // Locked, so two admins replaying at once queue it once.
      await tx.$queryRaw`SELECT "id" FROM "Job" WHERE "id" = ${jobId} FOR UPDATE`;
      const job = await tx.job.findUnique({ where: { id: jobId }, select: { kind: true, status: true, attempts: true } });
      if (!job) throw new AppError("NOT_FOUND", "job not found", { userMessage: "jobNotFound" });
      if (job.status !== "DEAD") throw new AppError("CONFLICT", "job not dead", { userMessage: "jobNotDead" });
      await tx.job.update({ where: { id: jobId }, data: { status: "PENDING", attempts: 0, runAt: now, finishedAt: null, leaseUntil: null, leasedBy: null, updatedAt: now } });
      const { count: noticesResolved } = await tx.adminNotice.updateMany({
        where: { kind: "job.dead", resolvedAt: null, details: { path: ["jobId"], equals: jobId } },
        data: { resolvedAt: now },
      });
      return {
        result: { jobId, kind: job.kind },
        audit: { action: "job.replayed", target: `Job:${jobId}`, details: { kind: job.kind, attempts: job.attempts, noticesResolved } },
      };
    },
    options,
  );
}
