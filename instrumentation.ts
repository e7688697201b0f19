// Runs once when the server starts, before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startRuntime } = await import("./lib/runtime/start-runtime");
  await startRuntime();
}
