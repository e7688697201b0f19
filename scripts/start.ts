// `npm start`: production mode always (an unset NODE_ENV must not mean development), validate the
// configuration, build when the sources are newer than the build, then serve (the server
// migrates, seeds an empty database and starts the worker).
import { buildIfNeeded } from "./build-if-needed";
import { loadConfigOrExit } from "./load-config";

(process.env as Record<string, string>).NODE_ENV = "production";
console.log("npm start: production mode (NODE_ENV=production)");
loadConfigOrExit();
const status = buildIfNeeded();
if (status !== 0) process.exit(status);
await import("./server");
