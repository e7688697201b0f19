import { signIn } from "./auth";
import { signInRequestSchema } from "./schemas";

const callbackSchema = signInRequestSchema.pick({ callbackUrl: true });

/**
 * Sends the browser to the identity provider (Auth.js's OIDC provider, with PKCE, state and nonce
 * cookies set here), to come back to the page it asked for or the back-office.
 */
export async function startStaffSignIn(input: unknown): Promise<void> {
  const parsed = callbackSchema.safeParse(input ?? {});
  await signIn("oidc", { redirectTo: (parsed.success && parsed.data.callbackUrl) || "/admin" });
}
