// Keep-alive connections per receiver: one undici Pool per origin and checked address, so
// back-to-back deliveries to a system reuse warm connections instead of opening one each.
import type { LookupAddress } from "node:dns";
import { Pool } from "undici";

/** More than WEBHOOK_CONCURRENCY ever needs: the sender caps how many requests are open at once. */
const MAX_CONNECTIONS = 64;
/** A pool unused this long is closed, so receivers that moved or went away hold no sockets. */
const IDLE_MS = 60_000;
const pools = new Map<string, { pool: Pool; usedAt: number }>();
let sweptAt = Date.now();

/**
 * The pool for an origin whose host was checked to be `pinned`: its connections go to that
 * address only (a second DNS answer could point elsewhere), while TLS still verifies the name.
 */
export function poolFor(origin: string, pinned: LookupAddress): Pool {
  const now = Date.now();
  if (now - sweptAt > IDLE_MS) sweepIdle(now);
  const key = `${origin}|${pinned.address}`;
  const known = pools.get(key);
  if (known) {
    known.usedAt = now;
    return known.pool;
  }
  const pool = new Pool(origin, {
    connections: MAX_CONNECTIONS,
    keepAliveTimeout: 30_000,
    connect: {
      lookup: ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) =>
        options.all ? callback(null, [pinned]) : callback(null, pinned.address, pinned.family)) as never,
    },
  });
  pools.set(key, { pool, usedAt: now });
  return pool;
}

function sweepIdle(now: number) {
  sweptAt = now;
  for (const [key, { pool, usedAt }] of pools) {
    if (now - usedAt < IDLE_MS) continue;
    pools.delete(key);
    void pool.close().catch(() => undefined);
  }
}
