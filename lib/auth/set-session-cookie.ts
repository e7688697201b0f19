import "server-only";
import { cookies } from "next/headers";
import { getConfig } from "../config";

/**
 * Sets the session cookie Auth.js itself would set after a sign-in it did not run (a passkey):
 * the same name (__Secure- prefixed when APP_URL, and so AUTH_URL, is https), HttpOnly, Lax.
 */
export async function setSessionCookie({ sessionToken, expires }: { sessionToken: string; expires: Date }) {
  const secure = getConfig().APP_URL.startsWith("https://");
  (await cookies()).set(secure ? "__Secure-authjs.session-token" : "authjs.session-token", sessionToken, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    expires,
  });
}
