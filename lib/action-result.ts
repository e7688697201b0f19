import { isAppError } from "./errors";
import { describeError, log } from "./log";

/** What a server action answers a form: data, or message keys for fields and the form. */
export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; fields?: Record<string, string>; message: string };

/**
 * Runs an action's domain call: an AppError becomes its field and user messages; anything
 * else is logged (kind only) and answered with the generic "failed" message.
 */
export async function toActionResult<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (isAppError(error)) {
      return { ok: false, fields: error.options.fields, message: error.options.userMessage ?? (error.options.fields ? "invalid" : "failed") };
    }
    // Next.js signals redirect/notFound by throwing; let those through.
    if (error instanceof Error && "digest" in error && String((error as { digest: unknown }).digest).startsWith("NEXT_")) throw error;
    log.error("action.failed", describeError(error));
    return { ok: false, message: "failed" };
  }
}
