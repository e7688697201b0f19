// Whether an error means the database could not be reached or dropped the connection (a restart,
// a failover, a full connection table), rather than that the request itself was wrong: the
// request may succeed when retried in a moment, so callers answer 503 with Retry-After, not 500.

const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2037"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// PostgreSQL: class 08 (connection exception), admin/crash shutdown, starting up, too many connections.
const POSTGRES_CODES = /^(08...|57P01|57P02|57P03|53300)$/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);
const MESSAGES = /connection terminated|connection error and is not queryable|terminating connection|database system is (starting up|shutting down|in recovery mode)|can't reach database|server has closed the connection|connection (was )?closed/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  const code = typeof e.code === "string" ? e.code : "";
  if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || POSTGRES_CODES.test(code)) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1);
}
