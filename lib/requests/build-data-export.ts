import { createHash } from "node:crypto";
import { strToU8, zipSync } from "fflate";
import { workerActor } from "../audit/actor";
import { getConfig } from "../config";
import type { PrismaClient } from "../db/generated/client";
import { runChange } from "../changes/run-change";
import { loadDescribeNames } from "../i18n/describe-names";
import { defaultLocale, isLocale } from "../i18n/locales";
import { closeDataRequest } from "./close-data-request";
import { collectPersonData } from "./collect-person-data";
import { exportFileStrings } from "./export-file-strings";
import { renderExportFiles } from "./render-export-files";
import { requestEmailJobs } from "./render-request-email";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Builds one export this worker has claimed: collects the person's data, writes the files into a
 * ZIP kept in the database, reports progress on the way, completes the request and emails the
 * person that the file is ready (for EXPORT_RETENTION_DAYS). Answers false when the claim was
 * lost to another worker meanwhile (its lease ran out), and writes nothing then.
 */
export async function buildDataExport(prisma: PrismaClient, { exportId, workerId }: { exportId: string; workerId: string }, now = new Date()): Promise<boolean> {
  const exp = await prisma.dataExport.findUniqueOrThrow({ where: { id: exportId }, select: { requestId: true, request: { select: { personId: true } } } });
  const personId = exp.request.personId;
  const progress = async (percent: number) => {
    await prisma.dataExport.updateMany({ where: { id: exportId, claimedBy: workerId, status: "BUILDING" }, data: { progress: percent } });
  };
  await progress(10);
  const data = await collectPersonData(prisma, personId, now, progress);
  const locale = isLocale(data.person.preferredLanguage) ? data.person.preferredLanguage : defaultLocale;
  const names = await loadDescribeNames(locale, prisma);
  const files = renderExportFiles(data, exportFileStrings(locale), { locale, names, timeZone: getConfig().TIME_ZONE });
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), { level: 6, mtime: now });
  await progress(90);
  const expiresAt = new Date(now.getTime() + getConfig().EXPORT_RETENTION_DAYS * DAY_MS);
  const actor = workerActor(workerId);
  const ready = await runChange(
    actor,
    async (tx, at) => {
      const { count } = await tx.dataExport.updateMany({
        where: { id: exportId, claimedBy: workerId, status: "BUILDING" },
        data: { status: "READY", progress: 100, content: zip, sizeBytes: zip.byteLength, sha256: createHash("sha256").update(zip).digest("hex"), readyAt: at, expiresAt },
      });
      if (count === 0) return { result: null, audit: [] };
      const request = await tx.dataRequest.findUniqueOrThrow({ where: { id: exp.requestId }, select: { id: true, personId: true, type: true } });
      await closeDataRequest(tx, { request, status: "COMPLETED", step: "export_ready", actor, now: at });
      return {
        result: true,
        jobs: await requestEmailJobs(
          { to: data.person.email, language: locale, kind: "exportReady", requestType: request.type, date: expiresAt, url: `${getConfig().APP_URL}/data` },
          personId,
        ),
        audit: [
          { action: "export.ready", personId, target: `DataExport:${exportId}`, details: { dataRequestId: exp.requestId, sizeBytes: zip.byteLength, files: Object.keys(files).length } },
          { action: "request.status_changed", personId, target: `DataRequest:${exp.requestId}`, details: { from: "IN_PROGRESS", to: "COMPLETED" } },
        ],
      };
    },
    { now, prisma },
  );
  return ready === true;
}
