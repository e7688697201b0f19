import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { AppError } from "../errors";
import { assertStaffRole } from "../staff/assert-staff-role";

/**
 * An uploaded file for the column mapping: its columns, the purposes that take consents now and
 * the connected systems' keys, and its runs (the latest dry run's mapping is offered again). ADMIN only.
 */
export async function getImportFile({ actor, fileId }: { actor: Actor; fileId: string }) {
  assertStaffRole(actor, "ADMIN");
  const prisma = await db();
  const file = await prisma.importFile.findUnique({
    where: { id: fileId },
    select: {
      id: true, fileName: true, sizeBytes: true, columns: true, delimiter: true, createdAt: true,
      jobs: { orderBy: { createdAt: "desc" }, select: { id: true, dryRun: true, status: true, system: true, mapping: true, processedRows: true, errorRows: true, createdAt: true } },
    },
  });
  if (!file || file.sizeBytes === 0) throw new AppError("NOT_FOUND", "file not found", { userMessage: "fileNotFound" });
  const [purposes, systems] = await Promise.all([
    prisma.purpose.findMany({ where: { retiredAt: null, currentVersion: { gt: 0 } }, orderBy: [{ sortOrder: "asc" }, { key: "asc" }], select: { key: true } }),
    prisma.connectedSystem.findMany({ orderBy: { key: "asc" }, select: { key: true, name: true } }),
  ]);
  return { ...file, purposeKeys: purposes.map((p) => p.key), systems };
}
