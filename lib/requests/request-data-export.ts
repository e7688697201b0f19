import type { Actor } from "../audit/actor";
import { runChange, type ChangeOptions } from "../changes/run-change";
import { assertPersonWritable } from "../persons/assert-person-writable";
import { assertExportAllowed } from "./assert-export-allowed";
import { exportBuildJob } from "./export-build-job";
import { insertDataRequest } from "./insert-data-request";

/**
 * "Download my data" (GDPR Art. 15 and 20): opens an ACCESS (or PORTABILITY) request, already in
 * progress since the signed-in person is verified, with an export for the queue to build. While
 * one is being built, asking again answers that one instead of starting another; otherwise one
 * file per EXPORT_MIN_INTERVAL_HOURS (RATE_LIMITED).
 */
export async function requestDataExport(
  { actor, personId, type = "ACCESS" }: { actor: Actor; personId: string; type?: "ACCESS" | "PORTABILITY" },
  options?: ChangeOptions,
) {
  return runChange(
    actor,
    async (tx, now) => {
      await assertPersonWritable(tx, personId);
      const building = await tx.dataExport.findFirst({
        where: { status: { in: ["PENDING", "BUILDING"] }, request: { personId } },
        select: { id: true, requestId: true },
      });
      if (building) return { result: { requestId: building.requestId, exportId: building.id, created: false }, audit: [] };
      await assertExportAllowed(tx, personId, now);
      const { request, audit } = await insertDataRequest(tx, { actor, now, personId, type, channel: "PORTAL", status: "IN_PROGRESS" });
      const created = await tx.dataExport.create({ data: { requestId: request.id, createdAt: now }, select: { id: true } });
      return {
        result: { requestId: request.id, exportId: created.id, created: true },
        audit: [audit, { action: "export.requested", personId, target: `DataExport:${created.id}`, details: { dataRequestId: request.id } }],
        jobs: [exportBuildJob({ exportId: created.id, personId })],
      };
    },
    options,
  );
}
