import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { runChange } from "../db/run-change";
import { AppError, isAppError } from "../errors";
import { assertImportActor } from "./assert-import-actor";
import { buildImportMapping } from "./build-import-mapping";
import { guessConsentColumns } from "./guess-mapping";
import { queueImportJob } from "./queue-import-job";
import type { ApiImportMapping, ImportMapping } from "./schemas";
import { storeImportFile } from "./store-import-file";

export interface SystemImportInput {
  fileName: string;
  /** The CSV as exported, read a piece at a time. */
  body: AsyncIterable<Uint8Array>;
  /** Header → target for the columns the caller names; the rest keep their guess. */
  mapping?: ApiImportMapping;
  /** A connected system's key; defaults to the caller's own system. */
  source?: string;
  dryRun: boolean;
  keepValidRows: boolean;
}

const fileProblems: Record<string, string> = {
  notCsv: "The file is not a CSV file: its name must end in .csv or .txt.",
  fileTooLarge: "The file is larger than the import limit.",
  headerInvalid: "The file's first line is not a CSV header (empty, binary, or blank or repeated column names).",
  uploadFailed: "The file could not be stored.",
};

/**
 * The Imports API: stores a connected system's CSV export through the same storage as the
 * back-office and queues it through the same queueing (requested by the system, created by no
 * staff member), so the worker runs it like any other import. The source is checked before
 * anything is stored; a file or mapping that does not fit is refused and the stored file removed.
 */
export async function queueImportFromSystem({ actor, input }: { actor: Actor; input: SystemImportInput }): Promise<{ jobId: string }> {
  assertImportActor(actor);
  if (actor.kind !== "SYSTEM" || !actor.id) throw new AppError("FORBIDDEN", "a connected system's key is required", { userMessage: "forbidden" });
  const systemId = actor.id;
  const prisma = await db();
  const source = input.source
    ? await prisma.connectedSystem.findUnique({ where: { key: input.source }, select: { key: true } })
    : await prisma.connectedSystem.findUnique({ where: { id: systemId }, select: { key: true } });
  if (!source) throw new AppError("VALIDATION", `No connected system has the key given as source.`, { userMessage: "invalidImport", fields: { source: "unknownSource" } });

  let stored: { fileId: string; columns: string[] };
  try {
    stored = await storeImportFile({ actor, fileName: input.fileName, body: input.body });
  } catch (error) {
    const code = isAppError(error) && error.code === "VALIDATION" ? error.options.userMessage : undefined;
    if (!code || !fileProblems[code]) throw error;
    throw new AppError("VALIDATION", fileProblems[code], { userMessage: code, fields: { file: code } });
  }
  try {
    const guessedConsents = guessConsentColumns(stored.columns, await consentPurposes());
    const mapping = buildImportMapping({ columns: stored.columns, requested: input.mapping, guessedConsents });
    return await runChange(actor, async (tx) => {
      const { jobId, audit } = await queueImportJob(tx, {
        fileId: stored.fileId, dryRun: input.dryRun, system: source.key, mapping, keepValidRows: input.keepValidRows,
        createdById: null, requestedBySystemId: systemId,
      }).catch((error: unknown) => {
        throw byColumn(error, mapping);
      });
      return { result: { jobId }, audit };
    });
  } catch (error) {
    await prisma.importFile.delete({ where: { id: stored.fileId } }).catch(() => {});
    throw error;
  }
}

/** The purposes that take consents now, with their titles in every language, for the consent columns' guess. */
async function consentPurposes(): Promise<{ key: string; titles: string[] }[]> {
  const purposes = await (await db()).purpose.findMany({
    where: { retiredAt: null, currentVersion: { gt: 0 } },
    select: { key: true, versions: { where: { publishedAt: { not: null } }, orderBy: { version: "desc" }, take: 1, select: { texts: true } } },
  });
  return purposes.map((p) => ({ key: p.key, titles: Object.values((p.versions[0]?.texts ?? {}) as Record<string, { title?: string }>).flatMap((text) => (text?.title ? [text.title] : [])) }));
}

/** queueImportJob names problems by target ("email", "consents.newsletter"); the API's mapping is by column. */
function byColumn(error: unknown, mapping: ImportMapping): unknown {
  if (!isAppError(error) || !error.options.fields) return error;
  const columnOf = (target: string) =>
    target.startsWith("consents.") ? mapping.consents[target.slice("consents.".length)] : mapping.fields[target as keyof ImportMapping["fields"]];
  const fields = Object.fromEntries(Object.entries(error.options.fields).map(([target, code]) => [`mapping.${columnOf(target) ?? target}`, code]));
  const purposes = Object.entries(fields).filter(([, code]) => code === "purposeUnavailable").map(([path]) => path.slice("mapping.".length));
  const detail = purposes.length ? `The purpose mapped from ${purposes.map((c) => `"${c}"`).join(", ")} is unknown or takes no consents now.` : error.message;
  return new AppError("VALIDATION", detail, { userMessage: "invalidImport", fields });
}
