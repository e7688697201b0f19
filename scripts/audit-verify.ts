// Verifies an exported audit log offline, with no database (lib/audit/verify-audit-export.ts):
//   npm run audit:verify -- <export.csv> [<checkpoint.txt>] [--key <jwks.json | verifier key file | verifier key>]
// The export must be unfiltered (the chain from entry 1). The checkpoint is a signed note from
// /admin/audit/checkpoint; the key, the portal's /.well-known/jwks.json saved to a file, or the
// signed-note verifier key ("<name>+<hash>+<base64>") in a file or given as it is.
// Exit status: 0 intact, 1 not intact, 2 usage.
import { existsSync, readFileSync } from "node:fs";
import { readNotePublicKeys } from "../lib/audit/checkpoint-note";
import { verifyAuditExport } from "../lib/audit/verify-audit-export";

const args = process.argv.slice(2).filter((a) => a !== "--");
const keyAt = args.indexOf("--key");
const keyArg = keyAt >= 0 ? args.splice(keyAt, 2)[1] : undefined;
const [csvPath, checkpointPath] = args;
if (!csvPath || (keyAt >= 0 && !keyArg) || (checkpointPath && !keyArg)) {
  console.error("usage: npm run audit:verify -- <export.csv> [<checkpoint.txt> --key <jwks.json | verifier key>]");
  process.exit(2);
}
const publicKeys = keyArg ? readNotePublicKeys(existsSync(keyArg) ? readFileSync(keyArg, "utf8") : keyArg) : [];
if (keyArg && publicKeys.length === 0) {
  console.error("no Ed25519 key found in --key");
  process.exit(2);
}
const report = verifyAuditExport(readFileSync(csvPath, "utf8"), { checkpoint: checkpointPath ? readFileSync(checkpointPath, "utf8") : undefined, publicKeys });
if (report.intact) {
  console.log(`intact: ${report.entries} sealed entries chain from entry 1${report.waiting ? `, ${report.waiting} waiting to be sealed (not checked)` : ""}`);
  if (report.checkpoint) console.log(`consistent with the checkpoint of ${report.checkpoint.origin}: ${report.checkpoint.size} entries, signed ${report.checkpoint.signedAt.toISOString()}, signature valid`);
} else {
  console.log(`NOT intact: ${report.reason} at entry ${report.brokenAt} (${report.entries} entries checked before it)`);
}
console.log(JSON.stringify(report));
process.exit(report.intact ? 0 : 1);
