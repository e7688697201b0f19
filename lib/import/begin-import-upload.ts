import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { AppError } from "../errors";
import { assertImportActor } from "./assert-import-actor";
import { uploadNameSchema } from "./schemas";

/**
 * Starts an upload: an empty ImportFile that its 1 MiB parts are added to (appendImportChunk)
 * until finishImportUpload reads the header. Parts keep every request small, so no proxy or
 * body limit stands in the way and nothing holds the whole file in memory. ADMIN, or a
 * connected system with imports:write (the Imports API).
 */
export async function beginImportUpload({ actor, fileName }: { actor: Actor; fileName: string }) {
  assertImportActor(actor);
  const name = uploadNameSchema.safeParse(fileName);
  if (!name.success) throw new AppError("VALIDATION", "not a CSV file name", { userMessage: "notCsv" });
  const file = await (await db()).importFile.create({ data: { fileName: name.data, sizeBytes: 0, columns: [], delimiter: ",", uploadedById: actor.kind === "STAFF" ? actor.id : null }, select: { id: true } });
  return { fileId: file.id };
}
