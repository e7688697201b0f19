import { createHash } from "node:crypto";

/** JSON with object keys sorted at every depth, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export const GENESIS_HASH = "0".repeat(64);

export interface HashedContent {
  seq: number;
  at: Date;
  actorKind: string;
  actorId: string | null;
  action: string;
  personId: string | null;
  target: string | null;
  details: unknown;
  ipHash: string | null;
  prevHash: string;
}

/** SHA-256 of an entry's canonical content, which includes the previous entry's hash. */
export function hashAuditContent(content: HashedContent): string {
  return createHash("sha256")
    .update(canonicalJson({ ...content, at: content.at.toISOString(), details: content.details ?? null }))
    .digest("hex");
}
