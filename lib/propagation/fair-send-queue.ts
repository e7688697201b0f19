// The sender's claimed deliveries, waiting for a slot, taken in turn per system: a system whose
// receiver is slow or hangs can hold at most its share of the slots while others have work, so
// it never starves them (each system's own deliveries keep their claim order).

/**
 * A system counts as having work this long after its last delivery was queued or finished: a
 * fast system's deliveries come claim after claim, and between two claims it has none waiting;
 * the slow one must not take its slots in that moment.
 */
const RECENT_MS = 1_000;

export interface FairSendQueue<T> {
  push(systemId: string, item: T): void;
  /** The next item whose system is under its share of `slots`, or undefined; counts it in flight. */
  take(slots: number): T | undefined;
  /** A try of the system finished: its slot is free. */
  finished(systemId: string): void;
  /** Everything still waiting, removed. */
  drain(): T[];
  readonly size: number;
}

export function fairSendQueue<T>(clock: () => number = Date.now): FairSendQueue<T> {
  const waiting = new Map<string, T[]>();
  const inFlight = new Map<string, number>();
  const lastActive = new Map<string, number>();
  let size = 0;
  /** Systems in turn order: the one served last goes to the back. */
  let turn: string[] = [];

  const busy = () => {
    const since = clock() - RECENT_MS;
    let count = 0;
    for (const [systemId, at] of lastActive) {
      if (waiting.has(systemId) || inFlight.has(systemId) || at >= since) count += 1;
      else lastActive.delete(systemId);
    }
    return count;
  };
  return {
    push(systemId, item) {
      lastActive.set(systemId, clock());
      const list = waiting.get(systemId);
      if (list) list.push(item);
      else {
        waiting.set(systemId, [item]);
        turn.push(systemId);
      }
      size += 1;
    },
    take(slots) {
      if (size === 0) return undefined;
      const share = Math.max(1, Math.floor(slots / busy()));
      for (const systemId of turn) {
        if ((inFlight.get(systemId) ?? 0) >= share) continue;
        const list = waiting.get(systemId)!;
        const item = list.shift()!;
        if (list.length === 0) waiting.delete(systemId);
        turn = turn.filter((id) => id !== systemId);
        if (waiting.has(systemId)) turn.push(systemId);
        inFlight.set(systemId, (inFlight.get(systemId) ?? 0) + 1);
        size -= 1;
        return item;
      }
      return undefined;
    },
    finished(systemId) {
      lastActive.set(systemId, clock());
      const n = (inFlight.get(systemId) ?? 1) - 1;
      if (n > 0) inFlight.set(systemId, n);
      else inFlight.delete(systemId);
    },
    drain() {
      const all = [...waiting.values()].flat();
      waiting.clear();
      turn = [];
      size = 0;
      return all;
    },
    get size() {
      return size;
    },
  };
}
