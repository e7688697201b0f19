import { parse } from "csv-parse/sync";
import type { Actor } from "../audit/actor";
import { db } from "../db/client";
import { AppError } from "../errors";
import { assertStaffRole } from "../staff/assert-staff-role";
import { IMPORT_CHUNK_BYTES } from "./schemas";

/** How much of the file the preview reads: enough rows to see a country column's values, bounded. */
const PREVIEW_BYTES = 2 * IMPORT_CHUNK_BYTES;
const PREVIEW_ROWS = 5000;
/** A column with at most this many distinct values in the rows read gets its full value list (countries, languages, yes/no). */
export const PREVIEW_VALUE_SET_MAX = 60;
const SAMPLES = 5;

export interface ImportFilePreview {
  /** False when the stored file is gone (an import finished or was abandoned): no samples then. */
  available: boolean;
  rowsRead: number;
  /** Column → its first few distinct non-empty values. */
  samples: Record<string, string[]>;
  /** Column → every distinct non-empty value in the rows read, for columns with few of them. */
  valueSets: Record<string, string[]>;
}

/**
 * Sample values per column of an uploaded file, for the column mapping: the first rows (at most
 * 2 MiB or 5,000 rows) decoded with the file's encoding and delimiter. ADMIN only.
 */
export async function previewImportFile({ actor, fileId }: { actor: Actor; fileId: string }): Promise<ImportFilePreview> {
  assertStaffRole(actor, "ADMIN");
  const prisma = await db();
  const file = await prisma.importFile.findUnique({ where: { id: fileId }, select: { columns: true, delimiter: true, encoding: true, sizeBytes: true } });
  if (!file || file.sizeBytes === 0) throw new AppError("NOT_FOUND", "file not found", { userMessage: "fileNotFound" });
  const chunks = await prisma.importFileChunk.findMany({
    where: { fileId, index: { lt: PREVIEW_BYTES / IMPORT_CHUNK_BYTES } },
    orderBy: { index: "asc" },
    select: { content: true },
  });
  const empty = { rowsRead: 0, samples: Object.fromEntries(file.columns.map((c) => [c, []])), valueSets: {} };
  if (chunks.length === 0) return { available: false, ...empty };
  const bytes = Buffer.concat(chunks.map((c) => Buffer.from(c.content)));
  let text = new TextDecoder(file.encoding === "windows-1252" ? "windows-1252" : "utf-8").decode(bytes).replace(/^\uFEFF/, "");
  // A partly read file ends mid-row: keep whole lines only.
  if (bytes.length < file.sizeBytes) text = text.slice(0, Math.max(0, text.lastIndexOf("\n")));
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: file.delimiter, from_line: 2, to_line: PREVIEW_ROWS + 1, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_error: true,
    }) as string[][];
  } catch {
    return { available: true, ...empty };
  }
  const distinct = file.columns.map(() => new Set<string>());
  for (const record of records) {
    file.columns.forEach((_, i) => {
      const value = record[i]?.trim();
      if (value && distinct[i]!.size <= PREVIEW_VALUE_SET_MAX) distinct[i]!.add(value);
    });
  }
  return {
    available: true,
    rowsRead: records.length,
    samples: Object.fromEntries(file.columns.map((c, i) => [c, [...distinct[i]!].slice(0, SAMPLES)])),
    valueSets: Object.fromEntries(file.columns.flatMap((c, i) => (distinct[i]!.size <= PREVIEW_VALUE_SET_MAX ? [[c, [...distinct[i]!]]] : []))),
  };
}
