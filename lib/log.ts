// Structured logs, one JSON line each. Log ids, never personal data (emails, names, phones,
// tokens, keys): callers pass identifiers only.
import { getConfig } from "./config";

type Level = "debug" | "info" | "warn" | "error";
const rank: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): Level {
  try {
    return getConfig().LOG_LEVEL;
  } catch {
    return "info";
  }
}

function write(level: Level, event: string, fields: Record<string, unknown> = {}) {
  if (rank[level] < rank[threshold()]) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

/** An error's kind and message only: stacks and causes may carry values. */
export const describeError = (error: unknown) =>
  error instanceof Error ? { error: error.name, message: error.message.slice(0, 300) } : { error: String(error).slice(0, 300) };

export const log = {
  debug: (event: string, fields?: Record<string, unknown>) => write("debug", event, fields),
  info: (event: string, fields?: Record<string, unknown>) => write("info", event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write("warn", event, fields),
  error: (event: string, fields?: Record<string, unknown>) => write("error", event, fields),
};
