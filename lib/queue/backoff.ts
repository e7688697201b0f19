/** The first retry's delay; each later one doubles, up to MAX_BACKOFF_MS. */
export const FIRST_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 60 * 60_000;

/**
 * When a job that failed its `attempts`-th try runs next: exponential, capped, with up to 20 %
 * random spread so jobs that failed together (an SMTP outage) do not all come back at once.
 */
export function nextRunAt(now: Date, attempts: number, random = Math.random): Date {
  const base = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
  return new Date(now.getTime() + Math.round(base * (1 + 0.2 * random())));
}
