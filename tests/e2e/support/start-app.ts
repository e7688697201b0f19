// Starts the built app for the browser tests on a data directory of its own, emptied first.
import { rmSync } from "node:fs";

const dataDir = process.env.DATA_DIR;
if (!dataDir || !dataDir.includes("e2e")) throw new Error("start-app: DATA_DIR must be the browser tests' own directory");
rmSync(dataDir, { recursive: true, force: true });
await import("../../../scripts/server");
