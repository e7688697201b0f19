import { AsyncLocalStorage } from "node:async_hooks";

// A change transaction holds a pooled connection until it commits (changes to one person also
// wait on that person's row). Past a few at once, more of them only hold connections the page and
// API reads then lack; so a process runs a few changes at a time and the rest wait here, in
// memory, without a connection. (No global lock: audit entries are sealed after commit.)
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
