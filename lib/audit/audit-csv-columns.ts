/** The audit export's columns, in order (export-audit-entries.ts writes them, verify-audit-export.ts reads them). */
export const AUDIT_CSV_COLUMNS = ["seq", "at", "actorKind", "actorId", "action", "personId", "target", "details", "ipHash", "prevHash", "hash"] as const;
