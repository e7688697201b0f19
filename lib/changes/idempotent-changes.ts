// Change transactions run for an API request with an Idempotency-Key keep their result on the key's
// record in their own transaction. A crash between the work and its answer then leaves a claim that
// expires within a minute; the retry that retakes it gets each committed change's kept result back
// instead of running the change again, so it answers without doing the work twice.
import { AsyncLocalStorage } from "node:async_hooks";
import { deserialize, serialize } from "node:v8";
import { AppError } from "../errors";
import type { Tx } from "../db/types";

/** How long an unfinished claim holds its key: after this a retry may take it over. */
export const IDEMPOTENCY_CLAIM_MS = 60 * 1000;

interface Scope {
  recordId: string;
  /** Results of the changes already committed for this key, v8-serialized, in order. */
  kept: string[];
  /** The next change's index. */
  next: number;
  /** True inside a change: a change it starts is part of it, not a change of its own. */
  inside: boolean;
}

const scopes = new AsyncLocalStorage<Scope>();

/** Runs a request's handler under its claimed key; `kept` comes from a claim a crash left behind. */
export const runWithIdempotencyKey = <T>(recordId: string, kept: string[], work: () => Promise<T>) =>
  scopes.run({ recordId, kept, next: 0, inside: false }, work);

/** The kept results stored on the record (while it is unfinished, in its responseBody). */
export const parseKeptResults = (text: string | null): string[] => {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === "string") ? parsed : [];
  } catch {
    return [];
  }
};

export type KeptChange<T> =
  | { replayed: true; result: T }
  | {
      replayed: false;
      /** Runs the transaction; inside it, `keep` stores the result on the claimed record. */
      nest: <R>(work: () => Promise<R>) => Promise<R>;
      keep?: (tx: Tx, result: T, now: Date) => Promise<void>;
    };

/** Called by runChange before it starts: a kept result to return, or how to keep this one. */
export function idempotentChange<T>(): KeptChange<T> {
  const scope = scopes.getStore();
  if (!scope || scope.inside) return { replayed: false, nest: (work) => work() };
  const index = scope.next++;
  if (index < scope.kept.length) return { replayed: true, result: deserialize(Buffer.from(scope.kept[index]!, "base64")) as T };
  let kept = scope.kept;
  return {
    replayed: false,
    nest: async (work) => {
      const result = await scopes.run({ ...scope, inside: true }, work);
      // Committed: later changes of this request append to what is now stored.
      scope.kept = kept;
      return result;
    },
    keep: async (tx, result, now) => {
      kept = [...scope.kept, serialize(result).toString("base64")];
      // Only the claim's holder may commit: if a retry took the claim over meanwhile, this rolls back.
      const { count } = await tx.idempotencyRecord.updateMany({
        where: { id: scope.recordId, status: null },
        data: { responseBody: JSON.stringify(kept), expiresAt: new Date(now.getTime() + IDEMPOTENCY_CLAIM_MS) },
      });
      if (count === 0) throw new AppError("CONFLICT", "the Idempotency-Key's claim was taken over by a retry");
    },
  };
}
