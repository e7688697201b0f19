import type { BrowserContext } from "@playwright/test";
import { BASE_URL } from "./env";

/** Signs a browser context in through the test hook (the sign-in flow has its own tests). */
export async function signInAs(context: BrowserContext, email: string): Promise<{ userId: string }> {
  const res = await fetch(`${BASE_URL}/api/test-hooks`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ action: "create-session", email }),
  });
  if (!res.ok) throw new Error(`create-session failed: ${res.status}`);
  const { sessionToken, userId } = (await res.json()) as { sessionToken: string; userId: string };
  await context.addCookies([{ name: "authjs.session-token", value: sessionToken, url: BASE_URL, httpOnly: true, sameSite: "Lax" }]);
  return { userId };
}

export async function testHook(body: Record<string, unknown>) {
  const res = await fetch(`${BASE_URL}/api/test-hooks`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`test hook failed: ${res.status}`);
  return res.json();
}
