import type { Actor } from "../audit/actor";
import { runChange, type ChangeOptions } from "../changes/run-change";
import { AppError } from "../errors";
import { parsePathId } from "../parse-search-params";
import { appendRequestStep } from "./append-request-step";

/**
 * The ZIP of one of the person's own exports, for the download route; each download is audited
 * and added to the request's timeline. Another person's export is NOT_FOUND (as is an unknown
 * one); one past its expiry, or expired by the worker, is GONE.
 */
export async function getDataExportDownload({ actor, personId, exportId }: { actor: Actor; personId: string; exportId: string }, options?: ChangeOptions) {
  // An id no row can have (NUL, overlong, from the URL) is unknown: PostgreSQL would refuse the query.
  if (parsePathId(exportId) === null) throw new AppError("NOT_FOUND", "export not found", { userMessage: "exportNotFound" });
  return runChange(
    actor,
    async (tx, now) => {
      const exp = await tx.dataExport.findFirst({
        where: { id: exportId, request: { personId } },
        select: { id: true, status: true, content: true, expiresAt: true, readyAt: true, requestId: true },
      });
      if (!exp) throw new AppError("NOT_FOUND", "export not found", { userMessage: "exportNotFound" });
      if (exp.status === "EXPIRED" || (exp.expiresAt && exp.expiresAt <= now)) throw new AppError("GONE", "export expired", { userMessage: "exportExpired" });
      if (exp.status !== "READY" || !exp.content) throw new AppError("CONFLICT", "export not ready", { userMessage: "exportNotReady" });
      await tx.dataExport.update({ where: { id: exportId }, data: { downloads: { increment: 1 } } });
      await appendRequestStep(tx, { requestId: exp.requestId, kind: "downloaded", actor, now });
      const day = (exp.readyAt ?? now).toISOString().slice(0, 10);
      return {
        result: { content: Buffer.from(exp.content), filename: `omadata-export-${day}.zip` },
        audit: { action: "export.downloaded", personId, target: `DataExport:${exportId}`, details: { dataRequestId: exp.requestId } },
      };
    },
    options,
  );
}
