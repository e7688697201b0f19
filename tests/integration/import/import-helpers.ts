// Uploading a fixture and running an import to its end, as the back-office and the worker do.
import { createReadStream } from "node:fs";
import path from "node:path";
import type { Actor } from "@/lib/audit/actor";
import type { PrismaClient } from "@/lib/db/generated/client";
import { runImportPass } from "@/lib/import/run-import-pass";
import type { ImportMappingInput } from "@/lib/import/schemas";
import { startImportJob } from "@/lib/import/start-import-job";
import { storeImportFile } from "@/lib/import/store-import-file";

export const fixture = (name: string) => path.join(import.meta.dirname, "../../fixtures/import", name);

export async function uploadFixture(actor: Actor, name: string) {
  return storeImportFile({ actor, fileName: name, body: createReadStream(fixture(name), { highWaterMark: 512 }) });
}

/** Queues a run and lets the worker take it to its end; answers the job and its refused rows by line. */
export async function runImport(
  prisma: PrismaClient,
  actor: Actor,
  input: { fileId: string; dryRun: boolean; system: string; mapping: ImportMappingInput; keepValidRows?: boolean },
  options: { batchRows?: number } = {},
) {
  const { jobId } = await startImportJob({ actor, input });
  while (await runImportPass({ prisma, workerId: "test-worker", batchRows: options.batchRows ?? 4 }));
  const job = await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } });
  const errors = await prisma.importRowError.findMany({ where: { jobId }, orderBy: [{ row: "asc" }, { id: "asc" }], select: { row: true, column: true, reason: true } });
  return { job, errors: errors.map((e) => [e.row, e.column, e.reason] as const) };
}

/** The counters a report shows, to compare a dry run with the real run. */
export const countsOf = (job: Record<string, unknown>) => {
  const keys = [
    "processedRows", "createdRows", "matchedRows", "suppressedRows", "errorRows", "consentsGranted", "consentsWithdrawn", "consentsRecorded",
    "organisationsCreated", "organisationsMatched", "membershipsCreated", "duplicateCandidates",
  ];
  return Object.fromEntries(keys.map((k) => [k, job[k]]));
};

/** Row counts of everything an import may write, to show that a rolled-back run kept nothing. */
export async function writeCounts(prisma: PrismaClient) {
  return {
    persons: await prisma.person.count(),
    externalIds: await prisma.externalIdentity.count(),
    organisations: await prisma.organization.count(),
    memberships: await prisma.membership.count(),
    consentEvents: await prisma.consentEvent.count(),
    fieldChanges: await prisma.personFieldChange.count(),
    candidates: await prisma.duplicateCandidate.count(),
    outbox: await prisma.outboxEvent.count(),
    personAudit: await prisma.auditEntry.count({ where: { personId: { not: null } } }),
  };
}
