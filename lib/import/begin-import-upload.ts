import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { AppError } from "../errors";
import { assertStaffRole } from "../staff/assert-staff-role";
import { uploadNameSchema } from "./schemas";

/**
 * Starts an upload: an empty ImportFile that its 1 MiB parts are added to (appendImportChunk)
 * until finishImportUpload reads the header. Parts keep every request small, so no proxy or
 * body limit stands in the way and nothing holds the whole file in memory. ADMIN only.
 */
export async function beginImportUpload({ actor, fileName }: { actor: Actor; fileName: string }) {
  assertStaffRole(actor, "ADMIN");
  const name = uploadNameSchema.safeParse(fileName);
  if (!name.success) throw new AppError("VALIDATION", "not a CSV file name", { userMessage: "notCsv" });
  const file = await (await db()).importFile.create({ data: { fileName: name.data, sizeBytes: 0, columns: [], delimiter: ",", uploadedById: actor.id }, select: { id: true } });
  return { fileId: file.id };
}
