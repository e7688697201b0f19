import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { runChange } from "../changes/run-change";
import { AppError, isAppError } from "../errors";
import { assertImportActor } from "./assert-import-actor";
import { buildImportMapping } from "./build-import-mapping";
import { detectCsvHeader } from "./detect-csv-header";
import { guessConsentColumns } from "./guess-mapping";
import { loadImportPurposes } from "./load-import-purposes";
import { queueImportJob } from "./queue-import-job";
import { MAX_IMPORT_BYTES, uploadNameSchema, type ApiImportMapping, type ImportMapping } from "./schemas";
import { storeImportFile } from "./store-import-file";

export interface SystemImportInput {
  fileName: string;
  /** The CSV as exported (the API's form part). */
  file: Blob;
  /** Header → target for the columns the caller names; the rest keep their guess. */
  mapping?: ApiImportMapping;
  /** A connected system's key; defaults to the caller's own system. */
  source?: string;
  dryRun: boolean;
  keepValidRows: boolean;
}

const fileProblems = {
  notCsv: "The file is not a CSV file: its name must end in .csv or .txt.",
  fileTooLarge: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
  headerInvalid: "The file's first line is not a CSV header (empty, binary, or blank or repeated column names).",
};
const refuseFile = (code: keyof typeof fileProblems) => new AppError("VALIDATION", fileProblems[code], { userMessage: code, fields: { file: code } });

/**
 * The Imports API: checks a connected system's CSV export and mapping, then stores it through the
 * back-office's storage and queues it through the same queueing (requested by the system, created
 * by no staff member), so the worker runs it like any other import. Everything that can be refused
 * (name, size, header, source, mapping, purposes) is checked before anything is written.
 */
export async function queueImportFromSystem({ actor, input }: { actor: Actor; input: SystemImportInput }): Promise<{ jobId: string }> {
  assertImportActor(actor);
  if (actor.kind !== "SYSTEM" || !actor.id) throw new AppError("FORBIDDEN", "a connected system's key is required", { userMessage: "forbidden" });
  const systemId = actor.id;
  const prisma = await db();
  const source = input.source
    ? await prisma.connectedSystem.findUnique({ where: { key: input.source }, select: { key: true } })
    : await prisma.connectedSystem.findUnique({ where: { id: systemId }, select: { key: true } });
  if (!source) throw new AppError("VALIDATION", "No connected system has the key given as source.", { userMessage: "invalidImport", fields: { source: "unknownSource" } });

  if (!uploadNameSchema.safeParse(input.fileName).success) throw refuseFile("notCsv");
  if (input.file.size > MAX_IMPORT_BYTES) throw refuseFile("fileTooLarge");
  // The header as the storage will read it (same encoding rule, same detector).
  const header = detectCsvHeader(Buffer.from(await input.file.slice(0, 64 * 1024).arrayBuffer()), await encodingOf(input.file));
  if (!header) throw refuseFile("headerInvalid");
  const mapping = buildImportMapping({ columns: header.columns, requested: input.mapping, guessedConsents: guessConsentColumns(header.columns, await consentPurposes()) });
  const purposes = await loadImportPurposes(prisma, Object.keys(mapping.consents));
  const unavailable = Object.keys(mapping.consents).filter((key) => !purposes.has(key));
  if (unavailable.length) throw byColumn(new AppError("VALIDATION", "", { fields: Object.fromEntries(unavailable.map((key) => [`consents.${key}`, "purposeUnavailable"])) }), mapping);

  const stored = await storeImportFile({ actor, fileName: input.fileName, body: pieces(input.file) });
  try {
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
    // Only a change between the checks and the queueing (a purpose retired meanwhile) gets here.
    await prisma.importFile.delete({ where: { id: stored.fileId } }).catch(() => {});
    throw error;
  }
}

/** As detectImportEncoding reads a stored file: UTF-8 when every byte sequence is valid, else windows-1252. */
async function encodingOf(file: Blob): Promise<"utf-8" | "windows-1252"> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const piece of pieces(file)) decoder.decode(piece, { stream: true });
    decoder.decode();
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

/** The file's bytes a piece at a time. */
async function* pieces(file: Blob): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  for (let piece = await reader.read(); !piece.done; piece = await reader.read()) yield piece.value;
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
