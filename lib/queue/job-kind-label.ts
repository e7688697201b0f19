/** Message keys (namespace queueAdmin.kinds) of the job kinds a person may see named. */
const KIND_KEYS: Record<string, "email" | "erasure" | "erasureSweep" | "export" | "import" | "digest" | "exportExpiry" | "importSweep" | "idempotencyPurge" | "personNamesSweep"> = {
  "email.send": "email",
  "erasure.execute": "erasure",
  "erasure.sweep": "erasureSweep",
  "export.build": "export",
  "import.pass": "import",
  "digest.officers": "digest",
  "exports.expire": "exportExpiry",
  "import.sweep": "importSweep",
  "api.idempotency-purge": "idempotencyPurge",
  "search.person-names-sweep": "personNamesSweep",
};

/** The kind in words, as its message key: a kind's code name is never shown. */
export function jobKindLabelKey(kind: string): `kinds.${(typeof KIND_KEYS)[string] | "other"}` {
  return `kinds.${KIND_KEYS[kind] ?? "other"}`;
}
