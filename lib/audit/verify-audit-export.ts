// Verifies an exported audit log (the audit viewer's CSV, export-audit-entries.ts) with no
// database: the hash chain from entry 1, and, given a signed checkpoint and the public key, that
// the chain up to the checkpoint's size reproduces its root and that the signature checks.
// `npm run audit:verify` (scripts/audit-verify.ts) runs it.
import { parse } from "csv-parse/sync";
import { GENESIS_HASH, hashAuditContent, type HashedContent } from "./canonical";
import { parseCheckpoint, verifyCheckpointSignature, type NotePublicKey } from "./checkpoint-note";
import { AUDIT_CSV_COLUMNS } from "./audit-csv-columns";

export type AuditExportReport =
  | { intact: true; entries: number; waiting: number; checkpoint: { size: number; origin: string; signedAt: Date } | null }
  | {
      intact: false;
      entries: number;
      /** The first entry (seq) that does not check, or the checkpoint's size. */
      brokenAt: number;
      reason: "format" | "content" | "link" | "gap" | "checkpoint_format" | "checkpoint_signature" | "checkpoint_beyond_export" | "checkpoint_root";
    };

/** A spreadsheet-defused field ("'=…", see defusedCsvField) as it was written. */
const undefused = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);
const orNull = (text: string) => (text === "" ? null : text);

function contentOf(row: Record<string, string>, seq: number, undefuse: boolean): HashedContent {
  const f = (name: string) => orNull(undefuse ? undefused(row[name] ?? "") : (row[name] ?? ""));
  const details = f("details");
  return {
    seq,
    at: new Date(row.at ?? ""),
    actorKind: f("actorKind") ?? "",
    actorId: f("actorId"),
    action: f("action") ?? "",
    personId: f("personId"),
    target: f("target"),
    details: details === null ? null : (JSON.parse(details) as unknown),
    ipHash: f("ipHash"),
    prevHash: row.prevHash ?? "",
  };
}

/** Whether the row's content hashes to its hash (trying the spreadsheet-defused reading first). */
function hashes(row: Record<string, string>, seq: number): boolean {
  for (const undefuse of [true, false]) {
    try {
      if (hashAuditContent(contentOf(row, seq, undefuse)) === row.hash) return true;
    } catch {
      // unparsable details or date: the content does not check
    }
  }
  return false;
}

export function verifyAuditExport(csv: string, options: { checkpoint?: string; publicKeys?: NotePublicKey[] } = {}): AuditExportReport {
  let rows: Record<string, string>[];
  try {
    rows = parse(csv.replace(/^\uFEFF/, ""), { columns: true, skip_empty_lines: true, relax_column_count: false }) as Record<string, string>[];
  } catch {
    return { intact: false, entries: 0, brokenAt: 0, reason: "format" };
  }
  if (rows.length > 0 && AUDIT_CSV_COLUMNS.some((c) => !(c in rows[0]!))) return { intact: false, entries: 0, brokenAt: 0, reason: "format" };
  const sealed = rows.filter((r) => r.seq !== "");
  const heads: string[] = [];
  let prevHash = GENESIS_HASH;
  for (const [i, row] of sealed.entries()) {
    const expected = i + 1;
    if (row.seq !== String(expected)) return { intact: false, entries: i, brokenAt: expected, reason: "gap" };
    if (row.prevHash !== prevHash) return { intact: false, entries: i, brokenAt: expected, reason: "link" };
    if (!hashes(row, expected)) return { intact: false, entries: i, brokenAt: expected, reason: "content" };
    prevHash = row.hash!;
    heads.push(prevHash);
  }
  const entries = sealed.length;
  const waiting = rows.length - entries;
  if (options.checkpoint === undefined) return { intact: true, entries, waiting, checkpoint: null };
  let checkpoint;
  try {
    checkpoint = parseCheckpoint(options.checkpoint);
  } catch {
    return { intact: false, entries, brokenAt: 0, reason: "checkpoint_format" };
  }
  if (!verifyCheckpointSignature(checkpoint, options.publicKeys ?? [])) return { intact: false, entries, brokenAt: checkpoint.size, reason: "checkpoint_signature" };
  if (checkpoint.size > entries) return { intact: false, entries, brokenAt: checkpoint.size, reason: "checkpoint_beyond_export" };
  const root = checkpoint.size === 0 ? GENESIS_HASH : heads[checkpoint.size - 1];
  if (root !== checkpoint.rootHash) return { intact: false, entries, brokenAt: checkpoint.size, reason: "checkpoint_root" };
  return { intact: true, entries, waiting, checkpoint: { size: checkpoint.size, origin: checkpoint.origin, signedAt: checkpoint.signedAt } };
}
