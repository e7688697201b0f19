// `npm start`: validate the configuration, build when the sources are newer than the build,
// then serve (the server migrates, seeds an empty database and starts the worker).
import { buildIfNeeded } from "./build-if-needed";
import { loadConfigOrExit } from "./load-config";

loadConfigOrExit();
const status = buildIfNeeded();
if (status !== 0) process.exit(status);
await import("./server");
