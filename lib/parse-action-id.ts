import { isStorableText } from "./db/is-storable-text";

/**
 * An id or token argument of a server action, which a client can send as any value: a string that
 * can be looked up (cut to `max` characters), or "" (which finds nothing) for anything else.
 */
export const parseActionId = (value: unknown, max = 64): string => (typeof value === "string" && isStorableText(value) ? value.slice(0, max) : "");
