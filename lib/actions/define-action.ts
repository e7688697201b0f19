import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { toActionResult, type ActionResult } from "../action-result";
import type { Actor } from "../audit/actor";
import { actorFor, requirePerson, requireStaff, type SessionUser } from "../auth/guards";
import type { Role } from "../db/generated/enums";

/** Marks a function built by defineAction; a test proves every exported server action carries it. */
export const DEFINED_ACTION = Symbol.for("omadata.definedAction");

/**
 * Who may call an action: anyone ("public": sign-in, emailed links), the signed-in person
 * ("person": the portal), or staff of at least the named role (the back-office).
 */
export type ActionCaller = "public" | "person" | Exclude<Role, "CUSTOMER">;

/** What the handler knows of its caller: nothing for a public action, else the user and the audit actor. */
export type CallerContext<C extends ActionCaller> = C extends "public"
  ? { user?: never; actor?: never }
  : C extends "person"
    ? { user: SessionUser & { personId: string }; actor: Actor }
    : { user: SessionUser; actor: Actor };

/** A path to revalidate, or a path with its type ("layout" revalidates everything under it). */
export type Revalidation = string | readonly [path: string, type: "layout" | "page"];

/** One server action: who may call it, its arguments' schema, what it does and what a success refreshes. */
export interface ActionDefinition<C extends ActionCaller, S extends z.ZodTuple, T, R> {
  caller: C;
  /** The positional arguments, parsed before the handler runs; a failure answers "invalid". */
  args: S;
  handler: (context: CallerContext<C> & { args: z.output<S> }) => Promise<T>;
  /** Paths revalidated after a success only (they may depend on the parsed arguments). */
  revalidate?: readonly Revalidation[] | ((args: z.output<S>) => readonly Revalidation[]);
  /** The answer the client gets, when it is not the ActionResult itself (sign-in form, receipt check, void actions). */
  answer?: (result: ActionResult<T>) => R;
}

export type DefinedAction<S extends z.ZodTuple, R> = ((...args: Extract<z.input<S>, readonly unknown[]>) => Promise<R>) & { readonly [DEFINED_ACTION]: true };

async function contextFor(caller: ActionCaller): Promise<{ user: SessionUser; actor: Actor } | object> {
  if (caller === "public") return {};
  // The existing guards: a signed-out caller is sent to sign in, a wrong role gets 403.
  if (caller === "person") {
    const user = await requirePerson();
    return { user, actor: await actorFor(user, "PERSON") };
  }
  const user = await requireStaff(caller);
  return { user, actor: await actorFor(user, "STAFF") };
}

/** Zod issues as form field → message key; an argument's own issue (or the argument list's) is "root". */
function invalid(error: z.ZodError): ActionResult<never> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.length > 1 ? String(issue.path[1]) : "root"] ??= issue.message;
  return { ok: false, message: "invalid", fields };
}

/**
 * Builds a server action: checks the caller with the guards, parses the untrusted arguments,
 * runs the handler with the caller's user and actor, maps errors as toActionResult does
 * (AppError → its message keys; Next.js control flow rethrown; anything else logged, "failed")
 * and revalidates on success. Every exported server action is built by it, so a check added
 * here holds for all of them.
 */
export function defineAction<C extends ActionCaller, S extends z.ZodTuple, T, R = ActionResult<T>>(definition: ActionDefinition<C, S, T, R>): DefinedAction<S, R> {
  const action = async (...raw: unknown[]): Promise<R> => {
    const context = await contextFor(definition.caller);
    const parsed = definition.args.safeParse(raw, { error: () => "invalid" });
    const result: ActionResult<T> = parsed.success
      ? await toActionResult(() => definition.handler({ ...context, args: parsed.data } as CallerContext<C> & { args: z.output<S> }))
      : invalid(parsed.error);
    if (result.ok && parsed.success && definition.revalidate) {
      const paths = typeof definition.revalidate === "function" ? definition.revalidate(parsed.data) : definition.revalidate;
      for (const path of paths) {
        if (typeof path === "string") revalidatePath(path);
        else revalidatePath(path[0], path[1]);
      }
    }
    return definition.answer ? definition.answer(result) : (result as R);
  };
  Object.defineProperty(action, DEFINED_ACTION, { value: true });
  return action as unknown as DefinedAction<S, R>;
}

/** Was this function built by defineAction? */
export const isDefinedAction = (value: unknown): boolean => typeof value === "function" && (value as { [DEFINED_ACTION]?: unknown })[DEFINED_ACTION] === true;
