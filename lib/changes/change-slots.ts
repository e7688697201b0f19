import { AsyncLocalStorage } from "node:async_hooks";

// Change transactions all meet at the audit chain's lock. Past a few at once, more of them only
// wait there, each holding a pooled connection the page and API reads then lack; so a process
// runs a few changes at a time and the rest wait here, in memory, without a connection.
const insideChange = new AsyncLocalStorage<true>();
let active = 0;
const waiting: (() => void)[] = [];

/** Runs `work` when one of `limit` slots is free; a change started inside another takes none. */
export async function withChangeSlot<T>(limit: number, work: () => Promise<T>): Promise<T> {
  if (insideChange.getStore()) return work();
  if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
  else active += 1;
  try {
    return await insideChange.run(true, work);
  } finally {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  }
}
