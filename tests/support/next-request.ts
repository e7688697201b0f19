// Runs back-office pages, server actions and route handlers in a test as Next.js would for a
// signed-in user: the real guards (requireStaff, actorFor) and domain, with the session, request
// headers, translations and cache revalidation stood in for. Import this module's mocks with
// `vi.mock(...)` calls in the test file (they must be hoisted there); see role-matrix.test.ts.
import type { Role } from "@/lib/db/generated/enums";

export interface TestSessionUser {
  id: string;
  role: Role;
  personId: string | null;
  email: string;
}

/** The session auth() answers; null means signed out. */
export const testSession: { current: TestSessionUser | null } = { current: null };

/** A translator that answers the key, as getTranslations would with messages loaded. */
export function fakeTranslator() {
  const t = (key: string) => key;
  return Object.assign(t, { has: () => true, rich: t, markup: t, raw: t });
}

export const fakeFormatter = {
  dateTime: (value: Date) => value.toISOString(),
  number: (value: number) => String(value),
  relativeTime: (value: Date) => value.toISOString(),
  list: (values: string[]) => values.join(", "),
};

export type Outcome = "allowed" | "forbidden" | "signin";

/**
 * What happened to a request: the guard refused it (forbidden() / a 403 / an action answered
 * "forbidden" by the domain), sent it to sign in, or let it through (whatever it then rendered,
 * redirected to or answered).
 */
export async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = await run();
    if (result instanceof Response && result.status === 403) return "forbidden";
    if (result && typeof result === "object" && "ok" in result && result.ok === false && (result as { message?: string }).message === "forbidden") return "forbidden";
    return "allowed";
  } catch (error) {
    const digest = String((error as { digest?: unknown })?.digest ?? "");
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;403")) return "forbidden";
    if (digest.startsWith("NEXT_REDIRECT") && digest.includes("/signin")) return "signin";
    if (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "allowed";
    throw error;
  }
}
