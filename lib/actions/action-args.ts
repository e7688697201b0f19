import { z } from "zod";
import { isStorableText } from "../db/is-storable-text";

// Schemas for the positional arguments of server actions. A client can send an action any value,
// so each argument is parsed before the handler runs; the types seen by client components are
// the ones they are meant to send.

/**
 * An id or token argument: a storable string cut to `max` characters, or "" (which finds nothing)
 * for anything else. It never fails: an unknown id is the domain's "not found", as before.
 */
export const idArg = (max = 64) =>
  z.unknown().transform((value) => (typeof value === "string" && isStorableText(value) ? value.slice(0, max) : "")) as unknown as z.ZodType<string, string>;

/** An id inside an untrusted form value (e.g. `values.requestId`), parsed as `idArg` does; for revalidation paths. */
export const idIn = (values: unknown, key: string, max = 64): string =>
  idArg(max).parse(values !== null && typeof values === "object" ? (values as Record<string, unknown>)[key] : undefined);

/**
 * Form values the domain function parses with its own schema (so its field errors reach the form):
 * typed `T` for the client, `unknown` for the handler.
 */
export const untrusted = <T>() => z.unknown() as unknown as z.ZodType<unknown, T>;
