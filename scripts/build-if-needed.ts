// Runs `next build` when there is no build or the sources are newer than it.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const sourceDirs = ["app", "components", "lib", "emails", "public", "prisma"];
const sourceFiles = ["next.config.ts", "package.json", "package-lock.json", "instrumentation.ts", "proxy.ts", "tsconfig.json"];

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) for (const entry of readdirSync(p)) visit(path.join(p, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  sourceDirs.forEach((d) => visit(path.join(root, d)));
  sourceFiles.forEach((f) => visit(path.join(root, f)));
  return newest;
}

/** Returns the build's exit status (0 when no build was needed). */
export function buildIfNeeded(): number {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestSourceMtime()) return 0;
  console.log("Building the app (sources changed since the last build)…");
  const build = spawnSync("npx", ["--no-install", "next", "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  return build.status ?? 1;
}
