import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { AppError } from "../errors";
import { assertStaffRole } from "../staff/assert-staff-role";

/**
 * An uploaded file for the column mapping: its columns, delimiter and encoding, the purposes that
 * take consents now (with their current texts, for the titles) and
 * the connected systems' keys, and its runs (the latest dry run's mapping is offered again). ADMIN only.
 */
export async function getImportFile({ actor, fileId }: { actor: Actor; fileId: string }) {
  assertStaffRole(actor, "ADMIN");
  const prisma = await db();
  const file = await prisma.importFile.findUnique({
    where: { id: fileId },
    select: {
      id: true, fileName: true, sizeBytes: true, columns: true, delimiter: true, encoding: true, createdAt: true,
      jobs: { orderBy: { createdAt: "desc" }, select: { id: true, dryRun: true, status: true, system: true, mapping: true, processedRows: true, errorRows: true, createdAt: true } },
    },
  });
  if (!file || file.sizeBytes === 0) throw new AppError("NOT_FOUND", "file not found", { userMessage: "fileNotFound" });
  const [purposes, systems] = await Promise.all([
    prisma.purpose.findMany({
      where: { retiredAt: null, currentVersion: { gt: 0 } },
      orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
      select: { key: true, currentVersion: true, versions: { where: { publishedAt: { not: null } }, orderBy: { version: "desc" }, take: 1, select: { texts: true } } },
    }),
    prisma.connectedSystem.findMany({ orderBy: { key: "asc" }, select: { key: true, name: true } }),
  ]);
  // Purposes are shown by their title in the reader's language, never by key.
  const purposeTitles = purposes.map((p) => ({ key: p.key, texts: (p.versions[0]?.texts ?? {}) as Partial<Record<string, { title?: string }>> }));
  return { ...file, purposeKeys: purposes.map((p) => p.key), purposeTitles, systems };
}
