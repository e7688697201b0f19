// Starts the built app for the browser tests on a data directory of its own, emptied first.
// Everything the server prints is also kept in a file, which the log-privacy test reads.
import { appendFileSync, rmSync, writeFileSync } from "node:fs";
import { E2E_SERVER_LOG } from "./env";

const dataDir = process.env.DATA_DIR;
if (!dataDir || !dataDir.includes("e2e")) throw new Error("start-app: DATA_DIR must be the browser tests' own directory");
rmSync(dataDir, { recursive: true, force: true });
writeFileSync(E2E_SERVER_LOG, "");

for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    appendFileSync(E2E_SERVER_LOG, typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array));
    return write(chunk, ...rest);
  }) as typeof stream.write;
}

await import("../../../scripts/server");
